using System.Diagnostics;
using System.Reflection;
using System.Text;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Packaging;

/// <summary>
/// Packs the tool, installs it from the local package folder into a temporary tool path (with a NuGet
/// configuration whose only source is that folder, and a private package cache, so nothing comes from the network
/// or a stale cache), and runs the installed <c>gwapi</c>.
/// </summary>
public sealed class ToolInstallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void PackedTool_Installs_AndRuns()
    {
        using var temp = new TempDirectory();
        var packages = Path.Combine(temp.Path, "packages");
        var tools = Path.Combine(temp.Path, "tools");
        var cache = Path.Combine(temp.Path, "nuget-cache");
        var version = "0.0.0-installtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var project = Path.Combine(RepoPaths.Root, "src", "GatewayApi.Cli", "GatewayApi.Cli.csproj");
        var configuration = typeof(ToolInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        // Its own artifacts folder (bin and obj of every project): the test must not rewrite what the solution built.
        // The restore for the pack uses the usual package cache; only the install below uses a private one.
        var artifacts = Path.Combine(temp.Path, "artifacts");
        Run("dotnet", ["pack", project, "-c", configuration, "-o", packages, "--artifacts-path", artifacts, $"-p:Version={version}", "--nologo"], RepoPaths.Root, cache: null);
        Assert.True(File.Exists(Path.Combine(packages, $"GatewayApi.Cli.{version}.nupkg")), "the package was not produced");

        var config = Path.Combine(temp.Path, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        Run("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packages, "GatewayApi.Cli", "--version", version], temp.Path, cache);

        var gwapi = Path.Combine(tools, OperatingSystem.IsWindows() ? "gwapi.exe" : "gwapi");
        var versionRun = Run(gwapi, ["--version"], temp.Path, cache);
        Assert.StartsWith(version, versionRun.Out.Trim());

        var status = Run(gwapi, ["status", RepoPaths.Examples], temp.Path, cache, allowedExitCodes: [1]);
        Assert.Contains("Gateway infra/shared-gateway", status.Out);
        Assert.Contains("HTTPRoute marketing/promo is not attached", status.Out);
    }

    private static (int ExitCode, string Out) Run(string file, string[] arguments, string directory, string? cache, int[]? allowedExitCodes = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (cache is not null)
        {
            start.Environment["NUGET_PACKAGES"] = cache;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        process.WaitForExit();
        var allowed = allowedExitCodes ?? [0];
        Assert.True(process.ExitCode == 0 || allowed.Contains(process.ExitCode), $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}\n{output}\n{error}");
        return (process.ExitCode, output.ToString());
    }
}
