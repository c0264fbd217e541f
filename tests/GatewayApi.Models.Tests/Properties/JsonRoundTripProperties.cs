using FsCheck.Xunit;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// Every kind survives JSON: written with <see cref="GatewayApiJson.Serialize"/>, read back with
/// <see cref="ManifestReader.ReadSingle{T}"/> and with <see cref="GatewayApiJson.Deserialize{T}(string, string?)"/>,
/// and written again, it gives the same text, unknown fields and unknown enum values included.
/// </summary>
[Properties(Arbitrary = new[] { typeof(GatewayApiArbitraries) }, MaxTest = PropertySettings.Cases, Replay = PropertySettings.Seed, QuietOnSuccess = true)]
public class JsonRoundTripProperties
{
    [Property]
    public void GatewayClass_SurvivesJsonRoundTrip(GatewayClass gatewayClass) => RoundTrip.AssertJson(gatewayClass);

    [Property]
    public void Gateway_SurvivesJsonRoundTrip(Gateway gateway) => RoundTrip.AssertJson(gateway);

    [Property]
    public void ListenerSet_SurvivesJsonRoundTrip(ListenerSet listenerSet) => RoundTrip.AssertJson(listenerSet);

    [Property]
    public void HttpRoute_SurvivesJsonRoundTrip(HttpRoute httpRoute) => RoundTrip.AssertJson(httpRoute);

    [Property]
    public void GrpcRoute_SurvivesJsonRoundTrip(GrpcRoute grpcRoute) => RoundTrip.AssertJson(grpcRoute);

    [Property]
    public void TlsRoute_SurvivesJsonRoundTrip(TlsRoute tlsRoute) => RoundTrip.AssertJson(tlsRoute);

    [Property]
    public void TcpRoute_SurvivesJsonRoundTrip(TcpRoute tcpRoute) => RoundTrip.AssertJson(tcpRoute);

    [Property]
    public void UdpRoute_SurvivesJsonRoundTrip(UdpRoute udpRoute) => RoundTrip.AssertJson(udpRoute);

    [Property]
    public void ReferenceGrant_SurvivesJsonRoundTrip(ReferenceGrant referenceGrant) => RoundTrip.AssertJson(referenceGrant);

    [Property]
    public void BackendTlsPolicy_SurvivesJsonRoundTrip(BackendTlsPolicy backendTlsPolicy) => RoundTrip.AssertJson(backendTlsPolicy);

    [Property]
    public void XBackendTrafficPolicy_SurvivesJsonRoundTrip(XBackendTrafficPolicy xBackendTrafficPolicy) => RoundTrip.AssertJson(xBackendTrafficPolicy);

    [Property]
    public void XMesh_SurvivesJsonRoundTrip(XMesh xMesh) => RoundTrip.AssertJson(xMesh);

    [Property]
    public void XBackend_SurvivesJsonRoundTrip(XBackend xBackend) => RoundTrip.AssertJson(xBackend);
}
