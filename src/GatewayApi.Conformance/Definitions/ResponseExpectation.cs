namespace GatewayApi.Conformance.Definitions;

/// <summary>What must come back for a request. Everything left null is not checked.</summary>
public sealed record ResponseExpectation
{
    /// <summary>Acceptable HTTP status codes (null: 200 for HTTP requests, not checked for gRPC and TLS). 408 and 504 are interchangeable, as upstream.</summary>
    public IReadOnlyList<int>? StatusCodes { get; init; }

    /// <summary>The backend that must answer (Service name), when given.</summary>
    public BackendName? Backend { get; init; }

    /// <summary>What the backend must have received (only checked when a backend answered).</summary>
    public BackendRequestExpectation? BackendRequest { get; init; }

    /// <summary>Response headers the client must see (names case-insensitive, values exact, repeated values joined with <c>,</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>Response headers the client must not see.</summary>
    public IReadOnlyList<string> AbsentResponseHeaders { get; init; } = [];

    /// <summary>The redirect the client must be sent (parsed from <c>Location</c>), when given.</summary>
    public RedirectExpectation? Redirect { get; init; }

    /// <summary>Backends that must receive a mirrored copy (null: not checked; empty: no copy anywhere).</summary>
    public IReadOnlyList<BackendName>? MirroredTo { get; init; }

    /// <summary>Expected share of requests per backend, for repeated requests (backends absent here must get none).</summary>
    public IReadOnlyList<KeyValuePair<BackendName, double>>? Weights { get; init; }

    /// <summary>Expected share of repeated requests that are mirrored to each backend of <see cref="MirroredTo"/> (fractional mirrors).</summary>
    public double? MirrorRatio { get; init; }

    /// <summary>The absolute tolerance for <see cref="Weights"/> and <see cref="MirrorRatio"/> (default 0.05, as upstream).</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>The gRPC status the client must see, such as <c>OK</c> or <c>UNIMPLEMENTED</c> (gRPC requests; default <c>OK</c>).</summary>
    public string? GrpcStatus { get; init; }

    /// <summary>For TLS requests: whether the connection must be refused (no route, or an invalid backend).</summary>
    public bool? Rejected { get; init; }

    /// <summary>The line of the case file where the expectation is written.</summary>
    public int Line { get; init; }
}

/// <summary>A backend Service, by namespace and name.</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Name">The Service's name.</param>
public sealed record BackendName(string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Namespace + "/" + Name;
}

/// <summary>What the echo backend must have received.</summary>
public sealed record BackendRequestExpectation
{
    /// <summary>The method, when given.</summary>
    public string? Method { get; init; }

    /// <summary>The Host header (<c>:authority</c>), when given.</summary>
    public string? Host { get; init; }

    /// <summary>The path with query string, when given (compared exactly).</summary>
    public string? Path { get; init; }

    /// <summary>Headers that must be present with these values (names case-insensitive; repeated values joined with <c>,</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Headers that must be absent.</summary>
    public IReadOnlyList<string> AbsentHeaders { get; init; } = [];
}

/// <summary>
/// An expected redirect, compared with the parsed <c>Location</c> as upstream does: an omitted scheme, host or path
/// must equal the request's; an omitted port allows the scheme's default port or none (80 for http, 443 for https).
/// </summary>
public sealed record RedirectExpectation
{
    /// <summary>The scheme, when given.</summary>
    public string? Scheme { get; init; }

    /// <summary>The host, when given.</summary>
    public string? Host { get; init; }

    /// <summary>The port, when given.</summary>
    public int? Port { get; init; }

    /// <summary>The path (with any query string), when given.</summary>
    public string? Path { get; init; }
}
