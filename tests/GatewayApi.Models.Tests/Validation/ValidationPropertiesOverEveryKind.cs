using FsCheck.Xunit;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.Properties;
using GatewayApi.Models.Tests.Properties.Generators;
using GatewayApi.Models.Validation;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// The defaulting properties again, over every kind, with the shared model generators
/// (tests/GatewayApi.Models.Tests/Properties/Generators: arbitrary, mostly invalid objects with tricky strings and
/// unknown fields). They also show that validation never throws on such input. The self-contained versions of
/// these properties are in <see cref="DefaultingPropertyTests"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(GatewayApiArbitraries) }, MaxTest = 100, Replay = PropertySettings.Seed, QuietOnSuccess = true)]
public class ValidationPropertiesOverEveryKind
{
    [Property]
    public bool ApplyDefaults_IsIdempotent_AndChangesNoValidationResult_ForEveryKind(MixedManifest manifest, bool experimental)
    {
        var channel = experimental ? ReleaseChannel.Experimental : ReleaseChannel.Standard;
        foreach (var obj in manifest.Objects)
        {
            var once = GatewayApiDefaults.ApplyDefaults(obj, channel);
            var twice = GatewayApiDefaults.ApplyDefaults(once, channel);
            if (GatewayApiJson.Serialize(once) != GatewayApiJson.Serialize(twice))
            {
                return false;
            }

            var before = GatewayApiValidator.Validate(obj, channel).Errors.Select(e => e.ToString());
            var after = GatewayApiValidator.Validate(once, channel).Errors.Select(e => e.ToString());
            if (!before.SequenceEqual(after))
            {
                return false;
            }
        }

        return true;
    }
}
