namespace GatewayApi.Cli.Tests.TestSupport;

/// <summary>Finds the repository (the directory holding GatewayApi.sln) and its examples.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(() =>
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

    public static string Root => RootValue.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string Example(string file) => Path.Combine(Examples, file);
}
