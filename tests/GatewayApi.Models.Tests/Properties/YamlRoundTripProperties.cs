using FsCheck.Xunit;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// Every kind survives YAML: written with <see cref="ManifestWriter.ToYaml(object)"/> and read back with
/// <see cref="ManifestReader.ReadSingle{T}"/>, it writes the same YAML again and has the original's JSON, even
/// when its strings look like YAML booleans, numbers, nulls or indicators.
/// </summary>
[Properties(Arbitrary = new[] { typeof(GatewayApiArbitraries) }, MaxTest = PropertySettings.Cases, Replay = PropertySettings.Seed, QuietOnSuccess = true)]
public class YamlRoundTripProperties
{
    [Property]
    public void GatewayClass_SurvivesYamlRoundTrip(GatewayClass gatewayClass) => RoundTrip.AssertYaml(gatewayClass);

    [Property]
    public void Gateway_SurvivesYamlRoundTrip(Gateway gateway) => RoundTrip.AssertYaml(gateway);

    [Property]
    public void ListenerSet_SurvivesYamlRoundTrip(ListenerSet listenerSet) => RoundTrip.AssertYaml(listenerSet);

    [Property]
    public void HttpRoute_SurvivesYamlRoundTrip(HttpRoute httpRoute) => RoundTrip.AssertYaml(httpRoute);

    [Property]
    public void GrpcRoute_SurvivesYamlRoundTrip(GrpcRoute grpcRoute) => RoundTrip.AssertYaml(grpcRoute);

    [Property]
    public void TlsRoute_SurvivesYamlRoundTrip(TlsRoute tlsRoute) => RoundTrip.AssertYaml(tlsRoute);

    [Property]
    public void TcpRoute_SurvivesYamlRoundTrip(TcpRoute tcpRoute) => RoundTrip.AssertYaml(tcpRoute);

    [Property]
    public void UdpRoute_SurvivesYamlRoundTrip(UdpRoute udpRoute) => RoundTrip.AssertYaml(udpRoute);

    [Property]
    public void ReferenceGrant_SurvivesYamlRoundTrip(ReferenceGrant referenceGrant) => RoundTrip.AssertYaml(referenceGrant);

    [Property]
    public void BackendTlsPolicy_SurvivesYamlRoundTrip(BackendTlsPolicy backendTlsPolicy) => RoundTrip.AssertYaml(backendTlsPolicy);

    [Property]
    public void XBackendTrafficPolicy_SurvivesYamlRoundTrip(XBackendTrafficPolicy xBackendTrafficPolicy) => RoundTrip.AssertYaml(xBackendTrafficPolicy);

    [Property]
    public void XMesh_SurvivesYamlRoundTrip(XMesh xMesh) => RoundTrip.AssertYaml(xMesh);

    [Property]
    public void XBackend_SurvivesYamlRoundTrip(XBackend xBackend) => RoundTrip.AssertYaml(xBackend);
}
