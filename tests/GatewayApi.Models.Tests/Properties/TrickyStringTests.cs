using System.Text.Json;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// Every string of <see cref="Any.TrickyStrings"/> round-trips in every position a string can take: a field
/// value, a map key, an open-enum value, an unknown field's name and value. The properties meet these strings
/// at random; this makes sure each one is met in each position at least once.
/// </summary>
public class TrickyStringTests
{
    public static TheoryData<int> TrickyStringIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Any.TrickyStrings.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TrickyStringIndexes))]
    public void TrickyString_SurvivesJsonAndYaml_AsValueKeyEnumAndUnknownField(int index)
    {
        var route = RouteFullOf(Any.TrickyStrings[index]);
        RoundTrip.AssertJson(route);
        RoundTrip.AssertYaml(route);
    }

    private static HttpRoute RouteFullOf(string text)
    {
        var unknown = new Dictionary<string, JsonElement> { [text] = Any.ParseElement(JsonSerializer.Serialize(text, GatewayApi.Models.Serialization.GatewayApiJson.Options)) };
        var route = new HttpRoute { ExtensionData = unknown };
        route.Metadata.Name = text;
        route.Metadata.Labels = new Dictionary<string, string> { [text] = text };
        route.Metadata.Annotations = new Dictionary<string, string> { ["note"] = text };
        route.Spec.Hostnames = [text];
        route.Spec.UseDefaultGateways = GatewayDefaultScope.Create(text);
        route.Spec.Rules =
        [
            new HttpRouteRule
            {
                Name = text,
                Matches = [new HttpRouteMatch { Path = new HttpPathMatch { Type = PathMatchType.Create(text), Value = text }, ExtensionData = unknown }],
                Filters = [new HttpRouteFilter { Type = HttpRouteFilterType.Create(text), Cors = new HttpCorsFilter { AllowMethods = [HttpMethodWithWildcard.Create(text)] } }],
            },
        ];
        return route;
    }
}
