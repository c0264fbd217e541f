namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>The one request every target receives during the run (same path, same headers, same client).</summary>
/// <param name="PathAndQuery">The request target.</param>
/// <param name="Headers">Headers wrk adds (Host included).</param>
/// <param name="ExpectedRoute">The <c>x-route</c> value the matching rule stamps; the run checks it before measuring.</param>
internal sealed record MeasuredRequest(string PathAndQuery, IReadOnlyList<(string Name, string Value)> Headers, string ExpectedRoute);
