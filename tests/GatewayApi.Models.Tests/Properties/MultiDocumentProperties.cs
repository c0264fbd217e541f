using FsCheck.Xunit;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>A manifest of several kinds reads back as the same objects, in the same order.</summary>
[Properties(Arbitrary = new[] { typeof(GatewayApiArbitraries) }, MaxTest = PropertySettings.Cases, Replay = PropertySettings.Seed, QuietOnSuccess = true)]
public class MultiDocumentProperties
{
    [Property]
    public void MixedKinds_SurviveMultiDocumentYamlRoundTrip(MixedManifest manifest)
        => RoundTrip.AssertMultiDocumentYaml(manifest.Objects);
}
