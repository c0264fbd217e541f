using System.Text.Json;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Commands;

public sealed class StatusCommandTests
{
    private const string LoneRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: app
        spec:
          gatewayClassName: platform
          listeners:
          - name: web
            port: 80
            protocol: HTTP
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
          namespace: app
        spec:
          parentRefs:
          - name: gw
          rules:
          - backendRefs:
            - name: web
              port: 8080
            - name: web-next
              port: 8081
        """;

    [Fact]
    public void Examples_ShowConditionsListenersParents_AndTheDeliberateMistakesInWords()
    {
        var run = Gwapi.Run("status", RepoPaths.Examples, "--now", Gwapi.Now);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("GatewayClass shared  controller example.com/gateway-controller", run.Out);
        Assert.Contains(run.OutLines, l => l.Trim().StartsWith("Accepted ", StringComparison.Ordinal) && l.Contains("True", StringComparison.Ordinal));

        // Listener table: attachedRoutes per listener (storefront, payments-api and search-api on https).
        Assert.Matches(@"(?m)^  https +443 +HTTPS +\*\.example\.com +3 +True/Accepted +True/Programmed +True/ResolvedRefs +False\s*$", run.Out);
        Assert.Matches(@"(?m)^  http +80 +HTTP +\* +1 ", run.Out);

        // Route parents.
        Assert.Matches(@"(?m)^  Gateway infra/shared-gateway +False/NotAllowedByListeners +True/ResolvedRefs", run.Out);
        Assert.Matches(@"(?m)^  Service shop/cart port 8080 +True/Accepted +True/ResolvedRefs", run.Out);

        // The summary, in words.
        var summary = run.Out[run.Out.IndexOf("Summary:", StringComparison.Ordinal)..];
        Assert.Contains("3 problems", summary);
        Assert.Contains("HTTPRoute marketing/promo is not attached to Gateway infra/shared-gateway (NotAllowedByListeners)", summary);
        Assert.Contains("listener https: Not attached to listener 'https' of Gateway infra/shared-gateway: it accepts routes only from namespaces whose labels match 'gateway-access=shared'", summary);
        Assert.Contains("HTTPRoute payments/payments-api has references that do not resolve (RefNotPermitted)", summary);
        Assert.Contains("no ReferenceGrant in namespace 'shop' allows HTTPRoute objects from namespace 'payments'", summary);
        Assert.Contains("GRPCRoute search/search-api has references that do not resolve (BackendNotFound)", summary);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void WithoutTheMistakes_EverythingIsAccepted_ExitZero()
    {
        var run = Gwapi.Run("status", RepoPaths.Example("infra.yaml"), RepoPaths.Example("shop.yaml"), RepoPaths.Example("risk.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("everything is accepted, attached and resolved", run.Out);
    }

    [Fact]
    public void Json_WritesTheStatusObjectsAsAList()
    {
        var run = Gwapi.Run("status", "-o", "json", "--now", Gwapi.Now, RepoPaths.Examples);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("List", root.GetProperty("kind").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var gateway = Assert.Single(items, i => i.GetProperty("kind").GetString() == "Gateway");
        Assert.Equal("infra", gateway.GetProperty("metadata").GetProperty("namespace").GetString());
        var listeners = gateway.GetProperty("status").GetProperty("listeners").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("attachedRoutes").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["http"] = 1, ["https"] = 3, ["https-partners"] = 1 }, listeners);
        var promo = Assert.Single(items, i => i.GetProperty("metadata").GetProperty("name").GetString() == "promo");
        var accepted = promo.GetProperty("status").GetProperty("parents")[0].GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "Accepted");
        Assert.Equal("False", accepted.GetProperty("status").GetString());
        Assert.Equal("NotAllowedByListeners", accepted.GetProperty("reason").GetString());
        Assert.Equal(Gwapi.Now, accepted.GetProperty("lastTransitionTime").GetString());
        Assert.Equal(6, items.Count(i => i.GetProperty("kind").GetString() is "HTTPRoute" or "GRPCRoute"));
    }

    [Fact]
    public void Yaml_IsStableForAFixedClock()
    {
        var first = Gwapi.Run("status", "-o", "yaml", "--now", Gwapi.Now, RepoPaths.Examples);
        var second = Gwapi.Run("status", "-o", "yaml", "--now", Gwapi.Now, RepoPaths.Examples);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("kind: List", first.Out);
        Assert.Contains("attachedRoutes: 3", first.Out);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void MissingGatewayClass_IsAssumed_AndSaidSo()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("app.yaml", LoneRoute);

        var run = Gwapi.Run("status", file);

        Assert.Contains("note: GatewayClass platform is not in the inputs; assumed to exist with controllerName gwapi.dev/offline-controller", run.Out);
        Assert.Matches(@"(?m)^  web +80 +HTTP +\* +1 ", run.Out);
    }

    [Fact]
    public void MissingBackends_AreFindings_UnlessAssumed()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("app.yaml", LoneRoute);

        var strict = Gwapi.Run("status", file);
        var assumed = Gwapi.Run("status", "--assume-backends", file);

        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("(BackendNotFound)", strict.Out);
        Assert.True(assumed.ExitCode == 0, assumed.ToString());
        Assert.Contains("note: Service app/web is not in the inputs; assumed to exist (--assume-backends) with port 8080", assumed.Out);
        Assert.Contains("note: Service app/web-next is not in the inputs; assumed to exist (--assume-backends) with port 8081", assumed.Out);
    }

    [Fact]
    public void ControllerName_LeavesOtherControllersGatewaysAlone()
    {
        var run = Gwapi.Run("status", "--controller-name", "example.com/other-controller", RepoPaths.Examples);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Gateway infra/shared-gateway  class", run.Out);
        Assert.Contains("HTTPRoute shop/cart-mesh", run.Out);
        Assert.Contains("0 Gateways", run.Out);
    }

    [Fact]
    public void RouteWithoutParents_IsReported()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("orphan.yaml", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: orphan
              namespace: app
            spec:
              rules:
              - backendRefs:
                - name: web
                  port: 80
            """);

        var run = Gwapi.Run("status", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTPRoute app/orphan names no parent (spec.parentRefs is empty)", run.Out);
    }

    [Fact]
    public void ObjectsTheApiServerWouldReject_GetAWarningOnStderr()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("app.yaml", LoneRoute.Replace("port: 80\n", "port: 0\n"));

        var run = Gwapi.Run("status", file);

        Assert.Contains($"gwapi: warning: {file}:", run.Error);
        Assert.Contains("Gateway app/gw would be rejected by the API server", run.Error);
    }
}
