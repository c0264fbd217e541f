using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Validation;
using k8s.Models;

namespace GatewayApi.Benchmarks;

/// <summary>
/// Validating 10,000 HTTPRoutes of 10 rules each (issue 4, "Must show" 5). The baseline is what any validation
/// on the JSON form must pay anyway: serializing each typed route to JSON. <see cref="ValidateTypedRoutes"/> is
/// the whole public path (serialize, prune, default, OpenAPI constraints, CEL rules, semantic checks);
/// <see cref="ValidateJsonRoutes"/> starts from routes already held as JSON.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ValidationBenchmarks
{
    private const int RouteCount = 10_000;
    private const int RulesPerRoute = 10;

    private HttpRoute[] _routes = [];
    private JsonObject[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _routes = Enumerable.Range(0, RouteCount).Select(CreateRoute).ToArray();
        _json = _routes.Select(r => JsonNode.Parse(GatewayApiJson.Serialize(r))!.AsObject()).ToArray();

        // Every generated route is valid; a benchmark of the error path would measure something else.
        var invalid = _routes.Take(50).Select(r => GatewayApiValidator.Validate(r, ReleaseChannel.Standard)).FirstOrDefault(r => !r.IsValid);
        if (invalid is not null)
        {
            throw new InvalidOperationException("A generated route is invalid: " + string.Join("; ", invalid.Errors));
        }
    }

    [Benchmark(Baseline = true, Description = "Serialize 10,000 routes to JSON (baseline)")]
    public int SerializeRoutes()
    {
        var properties = 0;
        foreach (var route in _routes)
        {
            properties += GatewayApiJson.SerializeToElement(route).GetPropertyCount();
        }

        return properties;
    }

    [Benchmark(Description = "Validate 10,000 typed routes x 10 rules")]
    public int ValidateTypedRoutes()
    {
        var errors = 0;
        foreach (var route in _routes)
        {
            errors += GatewayApiValidator.Validate(route, ReleaseChannel.Standard).Errors.Count;
        }

        return errors;
    }

    [Benchmark(Description = "Validate 10,000 JSON routes x 10 rules")]
    public int ValidateJsonRoutes()
    {
        var errors = 0;
        foreach (var route in _json)
        {
            errors += GatewayApiValidator.Validate(route, ReleaseChannel.Standard).Errors.Count;
        }

        return errors;
    }

    /// <summary>A realistic route: two parents, two hostnames, ten rules with matches, a filter and weighted backends.</summary>
    private static HttpRoute CreateRoute(int index)
    {
        var rules = new List<HttpRouteRule>();
        for (var r = 0; r < RulesPerRoute; r++)
        {
            rules.Add(new HttpRouteRule
            {
                Name = $"rule-{r}",
                Matches =
                [
                    new HttpRouteMatch
                    {
                        Path = new HttpPathMatch { Type = PathMatchType.PathPrefix, Value = $"/api/v{r}/items" },
                        Headers = [new HttpHeaderMatch { Name = "x-tenant", Value = $"tenant-{index % 17}" }],
                    },
                    new HttpRouteMatch
                    {
                        Path = new HttpPathMatch { Type = PathMatchType.Exact, Value = $"/status/{r}" },
                        Method = HttpRequestMethod.Get,
                    },
                ],
                Filters =
                [
                    new HttpRouteFilter
                    {
                        Type = HttpRouteFilterType.RequestHeaderModifier,
                        RequestHeaderModifier = new HttpHeaderFilter { Set = [new HttpHeader { Name = "x-route", Value = $"route-{index}" }] },
                    },
                ],
                BackendRefs =
                [
                    new HttpBackendRef { Name = $"svc-{r}-a", Port = 8080, Weight = 90 },
                    new HttpBackendRef { Name = $"svc-{r}-b", Port = 8080, Weight = 10 },
                ],
            });
        }

        return new HttpRoute
        {
            Metadata = new V1ObjectMeta { Name = $"route-{index}", NamespaceProperty = "bench" },
            Spec = new HttpRouteSpec
            {
                ParentRefs = [new ParentReference { Name = "gateway", SectionName = "http" }, new ParentReference { Name = "gateway", SectionName = "https" }],
                Hostnames = [$"app{index}.example.com", "*.example.org"],
                Rules = rules,
            },
        };
    }
}
