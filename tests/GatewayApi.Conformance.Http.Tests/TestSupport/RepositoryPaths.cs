namespace GatewayApi.Conformance.Http.Tests.TestSupport;

/// <summary>Finds files of the checkout, walking up from the test binaries to GatewayApi.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GatewayApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("GatewayApi.sln was not found above " + AppContext.BaseDirectory);
    });

    public static string YarpReport => Path.Combine(Root.Value, "docs", "conformance", "yarp-report.yaml");

    /// <summary>Set UPDATE_CONFORMANCE_REPORT=1 to rewrite the committed report instead of failing on drift.</summary>
    public static bool Update => Environment.GetEnvironmentVariable("UPDATE_CONFORMANCE_REPORT") == "1";
}
