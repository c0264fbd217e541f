using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.TestSupport;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;
using Xunit.Abstractions;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// Every upstream example (../shared/upstream/gateway-api-v1.6.1/examples) validates clean for its channel
/// (issue 4, "Must show" 3): <c>standard/</c> against the standard CRDs, <c>experimental/</c> against the
/// experimental ones, both as typed models and as raw JSON.
/// </summary>
public class ExamplesTests(ITestOutputHelper output)
{
    public static TheoryData<string> ExampleFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(SharedPaths.Examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(SharedPaths.Examples, file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_ValidatesClean_ForItsChannel(string relativePath)
    {
        var channel = relativePath.StartsWith("experimental", StringComparison.Ordinal) ? ReleaseChannel.Experimental : ReleaseChannel.Standard;
        var path = Path.Combine(SharedPaths.Examples, relativePath);
        var typed = ManifestReader.ReadFile(path).Where(m => m.Object is GatewayApiObject).ToList();
        var raw = YamlJson.ReadAll(File.ReadAllText(path))
            .Where(d => ((string?)d["apiVersion"])?.StartsWith("gateway.networking", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(raw.Count, typed.Count);

        var problems = new List<string>();
        foreach (var (manifest, json) in typed.Zip(raw))
        {
            foreach (var result in new[] { GatewayApiValidator.Validate(manifest.Object, channel), GatewayApiValidator.Validate(json, channel) })
            {
                problems.AddRange(result.Errors.Select(e => $"{manifest.Object.Kind} {manifest.Object.Metadata.Name}: {e}"));
                problems.AddRange(result.Warnings.Select(w => $"{manifest.Object.Kind} {manifest.Object.Metadata.Name}: warning {w}"));
            }
        }

        output.WriteLine($"{typed.Count} Gateway API objects in {relativePath} ({channel})");
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }

    [Fact]
    public void Examples_CoverBothChannels()
    {
        var files = Directory.GetFiles(SharedPaths.Examples, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedPaths.Examples, f))
            .ToList();
        Assert.Contains(files, f => f.StartsWith("standard", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("experimental", StringComparison.Ordinal));
        Assert.True(files.Count >= 80);
    }
}
