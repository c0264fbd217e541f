using System.Globalization;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Targets;

namespace GatewayApi.Conformance.Running;

/// <summary>
/// Compares one answer with a request's expectations, with upstream's rules: 408 and 504 are interchangeable;
/// header names compare without regard to case and repeated values are joined with <c>,</c>; what the backend saw is
/// only checked when a backend answered; redirects are compared on the parsed <c>Location</c>.
/// </summary>
internal static class ResponseVerifier
{
    public static List<string> Verify(RequestCase request, TargetResponse response, bool checkMirrors)
    {
        var failures = new List<string>();
        var expect = request.Expect;
        switch (request.Protocol)
        {
            case RequestProtocol.Tls:
                if (response.Rejected != expect.Rejected)
                {
                    failures.Add($"connection: expected {(expect.Rejected == true ? "refused" : "forwarded")}, actual {(response.Rejected ? "refused" : "forwarded")}");
                    return failures;
                }

                break;
            case RequestProtocol.Grpc:
                if (response.Rejected)
                {
                    failures.Add($"grpc status: expected {expect.GrpcStatus}, actual connection refused");
                    return failures;
                }

                if (!string.Equals(response.GrpcStatus, expect.GrpcStatus, StringComparison.Ordinal))
                {
                    failures.Add($"grpc status: expected {expect.GrpcStatus}, actual {response.GrpcStatus ?? "(none)"}");
                }

                break;
            default:
                if (response.Rejected)
                {
                    failures.Add($"status code: expected {string.Join(" or ", expect.StatusCodes ?? [])}, actual connection refused");
                    return failures;
                }

                if (expect.StatusCodes is { } codes && !codes.Contains(response.StatusCode) && !(IsTimeout(response.StatusCode) && codes.Any(IsTimeout)))
                {
                    failures.Add($"status code: expected {string.Join(" or ", codes)}, actual {response.StatusCode}");
                }

                break;
        }

        if (expect.Backend is { } backend)
        {
            if (response.Backend is null)
            {
                failures.Add($"backend: expected {backend}, actual no backend answered");
            }
            else if (response.Backend.Service != backend)
            {
                failures.Add($"backend: expected {backend}, actual {response.Backend.Service}");
            }
        }

        if (expect.BackendRequest is { } seen && response.Backend is { } echoed)
        {
            Compare(failures, "backend saw method", seen.Method, echoed.Method, StringComparison.Ordinal);
            Compare(failures, "backend saw host", seen.Host, echoed.Host, StringComparison.OrdinalIgnoreCase);
            Compare(failures, "backend saw path", seen.Path, echoed.Path, StringComparison.Ordinal);
            CheckHeaders(failures, "backend saw header", seen.Headers, seen.AbsentHeaders, echoed.Headers);
        }
        else if (expect.BackendRequest is not null && expect.Backend is null)
        {
            failures.Add("backend saw: expected a backend to answer, actual none did");
        }

        CheckHeaders(failures, "response header", expect.ResponseHeaders, expect.AbsentResponseHeaders, response.Headers);
        if (expect.Redirect is { } redirect)
        {
            CheckRedirect(failures, request, redirect, response);
        }

        if (checkMirrors && expect.MirroredTo is { } mirrors)
        {
            var actual = response.Mirrored.Select(item => item.Service).OrderBy(item => item.ToString(), StringComparer.Ordinal).ToArray();
            var wanted = mirrors.OrderBy(item => item.ToString(), StringComparer.Ordinal).ToArray();
            if (!actual.SequenceEqual(wanted))
            {
                failures.Add($"mirrored to: expected [{string.Join(", ", wanted.Select(item => item.ToString()))}], actual [{string.Join(", ", actual.Select(item => item.ToString()))}]");
            }

            // A mirror gets the request as the backend got it (RequestMirror copies the forwarded request).
            foreach (var copy in response.Mirrored)
            {
                if (expect.BackendRequest is { } mirroredSeen)
                {
                    Compare(failures, $"mirror {copy.Service} saw path", mirroredSeen.Path, copy.Path, StringComparison.Ordinal);
                }
            }
        }

        return failures;
    }

    private static bool IsTimeout(int code) => code is 408 or 504;

    private static void Compare(List<string> failures, string what, string? expected, string actual, StringComparison comparison)
    {
        if (expected is not null && !string.Equals(expected, actual, comparison))
        {
            failures.Add($"{what}: expected '{expected}', actual '{actual}'");
        }
    }

    private static void CheckHeaders(
        List<string> failures,
        string what,
        IReadOnlyList<KeyValuePair<string, string>> expected,
        IReadOnlyList<string> absent,
        IReadOnlyList<KeyValuePair<string, string>> actual)
    {
        foreach (var (name, value) in expected)
        {
            var values = actual.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).ToArray();
            if (values.Length == 0)
            {
                failures.Add($"{what} {name}: expected '{value}', actual absent");
            }
            else if (string.Join(",", values) != value)
            {
                failures.Add($"{what} {name}: expected '{value}', actual '{string.Join(",", values)}'");
            }
        }

        foreach (var name in absent)
        {
            var values = actual.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).ToArray();
            if (values.Length > 0)
            {
                failures.Add($"{what} {name}: expected absent, actual '{string.Join(",", values)}'");
            }
        }
    }

    private static void CheckRedirect(List<string> failures, RequestCase request, RedirectExpectation expected, TargetResponse response)
    {
        var location = response.Headers.FirstOrDefault(header => string.Equals(header.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(location))
        {
            failures.Add("redirect: expected a Location header, actual none");
            return;
        }

        if (!TryParseLocation(location, out var scheme, out var host, out var port, out var path))
        {
            failures.Add($"redirect: Location '{location}' is not an absolute URL");
            return;
        }

        var requestScheme = request.Protocol == RequestProtocol.Https ? "https" : "http";
        var requestHost = request.Host is { } written ? StripPort(written) : null;
        var wantedScheme = expected.Scheme ?? requestScheme;
        if (!string.Equals(scheme, wantedScheme, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"redirect scheme: expected '{wantedScheme}', actual '{scheme}' (Location {location})");
        }

        if ((expected.Host ?? requestHost) is { } wantedHost && !string.Equals(host, wantedHost, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"redirect host: expected '{wantedHost}', actual '{host}' (Location {location})");
        }

        var effectivePort = port ?? (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? 80 : null);
        if (expected.Port is { } wantedPort)
        {
            if (effectivePort != wantedPort)
            {
                failures.Add($"redirect port: expected {wantedPort}, actual {port?.ToString(CultureInfo.InvariantCulture) ?? "none"} (Location {location})");
            }
        }
        else if (port is { } explicitPort)
        {
            // No port expected: http allows 80 or none, https 443 or none (upstream's rule); other schemes are not checked.
            var allowed = wantedScheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : wantedScheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? 80 : explicitPort;
            if (explicitPort != allowed)
            {
                failures.Add($"redirect port: expected none or {allowed}, actual {explicitPort} (Location {location})");
            }
        }

        var wantedPath = expected.Path ?? request.Path;
        var comparedPath = wantedPath.Contains('?', StringComparison.Ordinal) ? path : path.Split('?')[0];
        if (comparedPath != wantedPath)
        {
            failures.Add($"redirect path: expected '{wantedPath}', actual '{comparedPath}' (Location {location})");
        }
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? host : host[..(end + 1)];
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    // Parsed by hand: System.Uri would normalise the path (dot segments, escapes), hiding what the gateway wrote.
    private static bool TryParseLocation(string location, out string scheme, out string host, out int? port, out string path)
    {
        scheme = host = path = "";
        port = null;
        var schemeEnd = location.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        scheme = location[..schemeEnd];
        var rest = location[(schemeEnd + 3)..];
        var pathStart = rest.IndexOfAny(['/', '?']);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        path = pathStart < 0 ? "/" : rest[pathStart..];
        if (path.StartsWith('?'))
        {
            path = "/" + path;
        }

        host = StripPort(authority);
        if (host.Length < authority.Length)
        {
            if (!int.TryParse(authority[(host.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            port = parsed;
        }

        return host.Length > 0;
    }
}
