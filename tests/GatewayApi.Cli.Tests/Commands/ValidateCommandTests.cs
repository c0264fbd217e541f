using System.Text.Json;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private const string BadRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
          namespace: app
        spec:
          parentRefs:
          - name: gw
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: no-slash
            backendRefs:
            - name: web
              port: 80
        """;

    [Fact]
    public void Examples_AreValid_ExitZero()
    {
        var run = Gwapi.Run("validate", RepoPaths.Examples);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = Directory.GetFiles(RepoPaths.Examples, "*.yaml")
            .Sum(f => File.ReadAllLines(f).Count(l => l.StartsWith("apiVersion: gateway.networking.k8s.io/", StringComparison.Ordinal)));
        Assert.Contains($"ok: {expected} Gateway API objects valid for the standard channel", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Error_IsOneLine_WithFileLineObjectAndFieldPath()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("route.yaml", BadRoute);

        var run = Gwapi.Run("validate", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        var pathLine = Array.FindIndex(BadRoute.Split('\n'), l => l.Trim() == "- path:") + 1;
        var error = Assert.Single(run.OutLines, l => l.Contains("spec.rules[0].matches[0].path", StringComparison.Ordinal));
        Assert.StartsWith($"{file}:{pathLine}: HTTPRoute app/web: spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path", error);
        Assert.Contains("1 error in 1 of 1 Gateway API object (standard channel)", run.Out);
    }

    [Fact]
    public void MissingRequiredField_PointsAtTheNearestPresentParent()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("gw.yaml", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: infra
            spec:
              listeners:
              - name: web
                port: 80
                protocol: HTTP
            """);

        var run = Gwapi.Run("validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:6: Gateway infra/gw: spec.gatewayClassName: Required value", run.Out);
    }

    [Fact]
    public void Channel_DecidesWhichVersionsAreServed()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("tls.yaml", """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata:
              name: db
              namespace: data
            spec:
              parentRefs:
              - name: gw
              hostnames:
              - db.example.com
              rules:
              - backendRefs:
                - name: db
                  port: 5432
            """);

        var standard = Gwapi.Run("validate", file);
        var experimental = Gwapi.Run("validate", "--channel", "experimental", file);

        Assert.True(standard.ExitCode == 1, standard.ToString());
        Assert.Contains("no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"", standard.Out);
        Assert.True(experimental.ExitCode == 0, experimental.ToString());
        Assert.Contains("valid for the experimental channel", experimental.Out);
    }

    [Fact]
    public void UnknownField_IsAWarning_NotAnError()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("route.yaml", BadRoute.Replace("value: no-slash", "value: /ok").Replace("  parentRefs:", "  retries: 3\n  parentRefs:"));

        var run = Gwapi.Run("validate", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{file}:7: HTTPRoute app/web: warning: unknown field \"spec.retries\"", run.Out);
        Assert.Contains("1 warning", run.Out);
    }

    [Fact]
    public void Json_HasTheDocumentedSchema()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("route.yaml", BadRoute);

        var run = Gwapi.Run("validate", "-o", "json", file);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("standard", root.GetProperty("channel").GetString());
        Assert.Equal(1, root.GetProperty("checked").GetInt32());
        Assert.False(root.GetProperty("valid").GetBoolean());
        var error = root.GetProperty("errors")[0];
        Assert.Equal(file, error.GetProperty("file").GetString());
        Assert.Equal("HTTPRoute", error.GetProperty("kind").GetString());
        Assert.Equal("app", error.GetProperty("namespace").GetString());
        Assert.Equal("web", error.GetProperty("name").GetString());
        Assert.Equal("spec.rules[0].matches[0].path", error.GetProperty("field").GetString());
        Assert.Equal("Invalid", error.GetProperty("type").GetString());
        Assert.Equal("Rule", error.GetProperty("origin").GetString());
        Assert.StartsWith("spec.rules[0].matches[0].path: Invalid value", error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public void Yaml_IsTheSameDocument()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("route.yaml", BadRoute);

        var run = Gwapi.Run("validate", "-o", "yaml", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("channel: standard", run.Out);
        Assert.Contains("valid: false", run.Out);
        Assert.Contains("field: \"spec.rules[0].matches[0].path\"", run.Out);
    }

    [Fact]
    public void Stdin_IsReadForDash()
    {
        var run = Gwapi.RunWithInput(BadRoute, "validate", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<stdin>:", run.OutLines[0]);
    }

    [Fact]
    public void ListKind_ItemsAreValidatedWithTheirOwnLines()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("list.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: gateway.networking.k8s.io/v1
              kind: GatewayClass
              metadata:
                name: ok
              spec:
                controllerName: example.com/gw
            - apiVersion: gateway.networking.k8s.io/v1
              kind: GatewayClass
              metadata:
                name: bad
              spec:
                controllerName: no-domain
            """);

        var run = Gwapi.Run("validate", file);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.OutLines, l => l.Contains("GatewayClass bad", StringComparison.Ordinal));
        Assert.StartsWith($"{file}:15: GatewayClass bad: spec.controllerName: Invalid value: \"no-domain\"", error);
        Assert.Contains("of 2 Gateway API objects", run.Out);
    }
}
