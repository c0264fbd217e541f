using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Validation;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// "For all" properties of defaulting (issue 4, "Must show" 4), over generated HTTPRoutes and Gateways that are
/// valid or nearly valid (some fields left for defaulting, some values wrong on purpose). Fixed seed.
/// </summary>
public class DefaultingPropertyTests
{
    private const string Seed = "(1234567,7654321)";

    [Property(MaxTest = 300, Replay = Seed, Arbitrary = [typeof(ManifestArbitraries)])]
    public bool ApplyDefaults_IsIdempotent(GeneratedManifest manifest, bool experimental)
    {
        var channel = experimental ? ReleaseChannel.Experimental : ReleaseChannel.Standard;
        var once = GatewayApiDefaults.ApplyDefaults(manifest.Json, channel);
        var twice = GatewayApiDefaults.ApplyDefaults(once, channel);
        return JsonNode.DeepEquals(once, twice);
    }

    [Property(MaxTest = 300, Replay = Seed, Arbitrary = [typeof(ManifestArbitraries)])]
    public Property ApplyDefaults_NeverTurnsAValidObjectInvalid_AndChangesNoError(GeneratedManifest manifest, bool experimental)
    {
        var channel = experimental ? ReleaseChannel.Experimental : ReleaseChannel.Standard;
        var before = GatewayApiValidator.Validate(manifest.Json, channel);
        var after = GatewayApiValidator.Validate(GatewayApiDefaults.ApplyDefaults(manifest.Json, channel), channel);

        // The validator defaults first, as the API server does, so pre-defaulting must change nothing at all.
        var sameErrors = before.Errors.Select(e => e.ToString()).SequenceEqual(after.Errors.Select(e => e.ToString()));
        return (!before.IsValid || after.IsValid).Label("valid stays valid")
            .And(sameErrors).Label("same errors")
            .Classify(before.IsValid, "valid input")
            .Classify(!before.IsValid, "invalid input");
    }

    [Property(MaxTest = 300, Replay = Seed, Arbitrary = [typeof(ManifestArbitraries)])]
    public bool ApplyDefaults_KeepsEveryPresentValue(GeneratedManifest manifest, bool experimental)
    {
        var channel = experimental ? ReleaseChannel.Experimental : ReleaseChannel.Standard;
        return IsContainedIn(manifest.Json, GatewayApiDefaults.ApplyDefaults(manifest.Json, channel));
    }

    [Property(MaxTest = 150, Replay = Seed, Arbitrary = [typeof(ManifestArbitraries)])]
    public bool ApplyDefaults_OnTheTypedModel_EqualsApplyDefaults_OnItsJson(GeneratedManifest manifest)
    {
        var typed = (GatewayApiObject)GatewayApiJson.Deserialize(manifest.Json.ToJsonString());
        var fromTyped = JsonNode.Parse(GatewayApiJson.Serialize(GatewayApiDefaults.ApplyDefaults(typed, ReleaseChannel.Experimental)));
        var fromJson = JsonNode.Parse(GatewayApiJson.Serialize(GatewayApiJson.Deserialize(GatewayApiDefaults.ApplyDefaults(manifest.Json, ReleaseChannel.Experimental).ToJsonString())));
        return JsonNode.DeepEquals(fromTyped, fromJson);
    }

    // Every value in the original is in the defaulted copy, at the same place and unchanged.
    private static bool IsContainedIn(JsonNode? original, JsonNode? defaulted) => original switch
    {
        JsonObject obj => defaulted is JsonObject other && obj.All(p => other.ContainsKey(p.Key) && IsContainedIn(p.Value, other[p.Key])),
        JsonArray array => defaulted is JsonArray other && array.Count == other.Count && array.Select((item, i) => IsContainedIn(item, other[i])).All(x => x),
        _ => JsonNode.DeepEquals(original, defaulted),
    };
}

/// <summary>A generated manifest (a record so FsCheck prints it when a property fails).</summary>
public sealed record GeneratedManifest(JsonObject Json)
{
    public override string ToString() => Json.ToJsonString();
}

/// <summary>Simple generators of HTTPRoutes and Gateways, mostly valid, with optional fields left out for defaulting.</summary>
public static class ManifestArbitraries
{
    public static Arbitrary<GeneratedManifest> Manifests()
        => Gen.OneOf(HttpRoute(), Gateway()).Select(json => new GeneratedManifest(json)).ToArbitrary();

    private static Gen<JsonObject> HttpRoute()
        => from parentRefs in Optional(ListOf(ParentRef(), 0, 3))
           from hostnames in Optional(ListOf(Gen.Elements("a.example.com", "*.example.com", "b.example.org", "c.example.net", "d.example.com", "e.example.com", "Bad_Host").Select(h => (JsonNode)h), 0, 2))
           from rules in Optional(ListOf(HttpRule(), 0, 4))
           select Manifest("HTTPRoute", Object(("parentRefs", DistinctParents(parentRefs)), ("hostnames", hostnames), ("rules", rules)));

    private static Gen<JsonObject> Gateway()
        => from listeners in ListOf(Listener(), 1, 3)
           from addresses in Optional(ListOf(Address(), 0, 2))
           from status in Gen.Elements<JsonNode?>(null, new JsonObject(), JsonNode.Parse("""{"conditions":[]}"""))
           select WithStatus(Manifest("Gateway", Object(("gatewayClassName", "gc"), ("listeners", UniqueNames(listeners)), ("addresses", addresses))), status);

    private static Gen<JsonNode> ParentRef()
        => from name in Gen.Elements("gw-a", "gw-b")
           from section in Gen.Elements<JsonNode?>(null, "http", "https")
           from port in Gen.Elements<JsonNode?>(null, 80, 443)
           select (JsonNode)Object(("name", name), ("sectionName", section), ("port", port));

    private static Gen<JsonNode> HttpRule()
        => from matches in Optional(ListOf(Match(), 0, 3))
           from filters in Optional(ListOf(Filter(), 0, 1))
           from backends in Optional(ListOf(Backend(), 0, 3))
           from timeouts in Gen.Elements<JsonNode?>(null, JsonNode.Parse("""{"request":"10s"}"""), JsonNode.Parse("""{"request":"1s","backendRequest":"2s"}"""))
           from session in Gen.Elements<JsonNode?>(null, JsonNode.Parse("""{"sessionName":"s"}"""), JsonNode.Parse("""{"cookieConfig":{}}"""))
           select (JsonNode)Object(("matches", matches), ("filters", filters), ("backendRefs", backends), ("timeouts", timeouts), ("sessionPersistence", session));

    private static Gen<JsonNode> Match()
        => from path in Gen.Elements<JsonNode?>(null, new JsonObject(), JsonNode.Parse("""{"value":"/a"}"""), JsonNode.Parse("""{"type":"Exact","value":"/b"}"""), JsonNode.Parse("""{"type":"RegularExpression","value":"/c[0-9]+"}"""))
           from headers in Optional(ListOf(Gen.Elements<JsonNode>(JsonNode.Parse("""{"name":"x-a","value":"1"}""")!, JsonNode.Parse("""{"name":"x-b","type":"Exact","value":"2"}""")!), 0, 1))
           from method in Gen.Elements<JsonNode?>(null, "GET", "POST")
           select (JsonNode)Object(("path", path), ("headers", headers), ("method", method));

    private static Gen<JsonNode> Filter()
        => Gen.Elements(
            """{"type":"RequestHeaderModifier","requestHeaderModifier":{"set":[{"name":"x-a","value":"b"}]}}""",
            """{"type":"RequestMirror","requestMirror":{"backendRef":{"name":"mirror","port":8080},"fraction":{"numerator":5}}}""",
            """{"type":"URLRewrite","urlRewrite":{"path":{"type":"ReplaceFullPath","replaceFullPath":"/x"}}}""",
            """{"type":"CORS","cors":{"allowOrigins":["*"]}}""",
            """{"type":"ResponseHeaderModifier","responseHeaderModifier":{"remove":["server"]}}""",
            """{"type":"RequestRedirect","requestRedirect":{"scheme":"https"}}""").Select(text => JsonNode.Parse(text)!);

    private static Gen<JsonNode> Backend()
        => from name in Gen.Elements("svc-a", "svc-b")
           from port in Gen.Frequency((1, Gen.Constant<JsonNode?>(null)), (6, Gen.Elements<JsonNode?>(80, 8080)))
           from weight in Gen.Elements<JsonNode?>(null, 0, 5)
           from kind in Gen.Elements<JsonNode?>(null, null, "Service", "Bucket")
           select (JsonNode)Object(("name", name), ("port", port), ("weight", weight), ("kind", kind));

    private static Gen<JsonNode> Listener()
        => from protocol in Gen.Elements("HTTP", "HTTPS", "TLS", "TCP")
           from port in Gen.Choose(1, 65535)
           from hostname in protocol == "TCP" ? Gen.Constant<JsonNode?>(null) : Gen.Elements<JsonNode?>(null, "a.example.com", "*.example.com")
           from tls in Gen.Frequency(
               (6, Gen.Constant(protocol switch
               {
                   "HTTPS" => JsonNode.Parse("""{"certificateRefs":[{"name":"cert"}]}"""),
                   "TLS" => JsonNode.Parse("""{"mode":"Passthrough"}"""),
                   _ => null,
               })),
               (1, Gen.Elements<JsonNode?>(null, new JsonObject(), JsonNode.Parse("""{"mode":"Passthrough"}"""))))
           from allowed in Gen.Elements<JsonNode?>(null, new JsonObject(), JsonNode.Parse("""{"namespaces":{}}"""), JsonNode.Parse("""{"namespaces":{"from":"All"},"kinds":[{"kind":"HTTPRoute"}]}"""))
           select (JsonNode)Object(("name", "l"), ("port", port), ("protocol", protocol), ("hostname", hostname), ("tls", tls), ("allowedRoutes", allowed));

    private static Gen<JsonNode> Address()
        => Gen.Elements("""{"value":"10.0.0.1"}""", """{"value":"fd00::1"}""", """{"type":"Hostname","value":"gw.example.com"}""", """{"type":"example.com/custom","value":"x"}""", """{"value":"not-an-ip"}""").Select(text => JsonNode.Parse(text)!);

    private static Gen<JsonNode?> Optional(Gen<JsonNode> gen) => Gen.Frequency((1, Gen.Constant<JsonNode?>(null)), (3, gen.Select(n => (JsonNode?)n)));

    private static Gen<JsonNode> ListOf(Gen<JsonNode> item, int min, int max)
        => Gen.Choose(min, max).SelectMany(count => Gen.ListOf(item, count)).Select(items => (JsonNode)new JsonArray(items.Select(i => i.DeepClone()).ToArray()));

    private static JsonObject Object(params (string Name, JsonNode? Value)[] fields)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                obj[name] = value.DeepClone();
            }
        }

        return obj;
    }

    // Mostly distinct parents (each generated name made unique), so the sectionName/port rules rarely fire.
    private static JsonNode? DistinctParents(JsonNode? parentRefs)
    {
        if (parentRefs is JsonArray array)
        {
            for (var i = 1; i < array.Count; i++)
            {
                array[i]!["name"] = (string)array[i]!["name"]! + "-" + i;
            }
        }

        return parentRefs;
    }

    private static JsonNode UniqueNames(JsonNode listeners)
    {
        var array = listeners.AsArray();
        for (var i = 0; i < array.Count; i++)
        {
            array[i]!["name"] = "l" + i;
        }

        return array;
    }

    private static JsonObject Manifest(string kind, JsonObject spec)
        => new()
        {
            ["apiVersion"] = "gateway.networking.k8s.io/v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "generated", ["namespace"] = "default" },
            ["spec"] = spec,
        };

    private static JsonObject WithStatus(JsonObject manifest, JsonNode? status)
    {
        if (status is not null)
        {
            manifest["status"] = status.DeepClone();
        }

        return manifest;
    }
}
