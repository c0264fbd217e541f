namespace GatewayApi.Routing.Tests.TestSupport;

/// <summary>Finds the reference data in ../shared beside the checkout (read at test time, never copied into the project).</summary>
internal static class SharedPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The upstream v1.6.1 release directory.</summary>
    public static string Upstream => Path.Combine(Root.Value, "upstream", "gateway-api-v1.6.1");

    /// <summary>The upstream examples.</summary>
    public static string Examples => Path.Combine(Upstream, "examples");

    private static string FindRoot()
    {
        var environment = Environment.GetEnvironmentVariable("GATEWAYAPI_SHARED");
        if (!string.IsNullOrEmpty(environment) && Directory.Exists(environment))
        {
            return environment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "upstream", "gateway-api-v1.6.1");
            if (Directory.Exists(candidate) && directory.FullName != Path.GetPathRoot(directory.FullName))
            {
                return Path.Combine(directory.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException(
            "The shared reference data (../shared/upstream/gateway-api-v1.6.1) was not found beside the checkout; set GATEWAYAPI_SHARED to its path.");
    }
}
