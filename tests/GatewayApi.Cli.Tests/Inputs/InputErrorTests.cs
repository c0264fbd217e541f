using System.Reflection;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Inputs;

/// <summary>Every kind of bad input: one line on stderr, exit 2, never a stack trace, for every command.</summary>
public sealed class InputErrorTests
{
    public static TheoryData<string> Commands => new() { "validate", "status", "route" };

    private static GwapiRun RunCommand(string command, string input)
        => command == "route"
            ? Gwapi.Run("route", "-f", input, "-g", "infra/gw", "https://a.example.com/")
            : Gwapi.Run(command, input);

    [Theory]
    [MemberData(nameof(Commands))]
    public void MissingFile(string command)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "nope.yaml");

        Gwapi.AssertInputError(RunCommand(command, path), $"{path}: no such file or directory");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void UnreadableFile(string command)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("locked.yaml", "kind: Namespace\napiVersion: v1\nmetadata:\n  name: x\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        if (CanRead(path))
        {
            // Running as root, permissions do not stop reads; /proc/self/mem exists but fails with EIO when read at 0.
            Assert.True(OperatingSystem.IsLinux(), "running as an administrator outside Linux: no unreadable file to test with");
            path = "/proc/self/mem";
        }

        var result = RunCommand(command, path);

        Gwapi.AssertInputError(result, $"{path}: cannot read the file: ");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void BrokenYaml_SaysFileLineAndColumn(string command)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [unclosed\n");

        var run = RunCommand(command, path);

        Gwapi.AssertInputError(run, $"{path}:");
        Assert.Matches(@"^gwapi: error: .*broken\.yaml:\d+:\d+: ", run.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void UnknownGatewayApiKind(string command)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("typo.yaml", "# a typo\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRout\nmetadata:\n  name: web\n");

        Gwapi.AssertInputError(RunCommand(command, path), $"{path}:3:1: unknown kind \"HTTPRout\" in gateway.networking.k8s.io/v1; Gateway API v1.6.1 kinds are ");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void WrongFieldType_SaysTheFieldPath(string command)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("types.yaml", "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  gatewayClassName: x\n  listeners:\n  - name: web\n    port: eighty\n    protocol: HTTP\n");

        Gwapi.AssertInputError(RunCommand(command, path), $"{path}:9:11: spec.listeners[0].port: expected a number, found a string.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DuplicateObject(string command)
    {
        using var temp = new TempDirectory();
        var ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n";
        temp.Write("a.yaml", ns);
        temp.Write("b/c.yaml", ns);

        Gwapi.AssertInputError(RunCommand(command, temp.Path), "Namespace x is defined twice (first at ");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DirectoryWithoutManifests(string command)
    {
        using var temp = new TempDirectory();
        temp.Write("notes.txt", "nothing here");

        Gwapi.AssertInputError(RunCommand(command, temp.Path), "the directory holds no *.yaml, *.yml or *.json files");
    }

    [Fact]
    public void NoInputs()
    {
        Gwapi.AssertInputError(Gwapi.Run("validate"), "no inputs: give manifest files, directories, or - for standard input");
    }

    [Fact]
    public void StdinTwice()
    {
        Gwapi.AssertInputError(Gwapi.RunWithInput("", "status", "-", "-"), "standard input (-) is given more than once");
    }

    [Fact]
    public void Directories_AreReadRecursively_InPathOrder_JsonAndYmlIncluded()
    {
        using var temp = new TempDirectory();
        temp.Write("z/late.yml", "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: z\nspec:\n  controllerName: bad\n");
        temp.Write("a.json", """{"apiVersion": "gateway.networking.k8s.io/v1", "kind": "GatewayClass", "metadata": {"name": "a"}, "spec": {"controllerName": "bad"}}""");
        temp.Write("m/skip.txt", "not read");

        var run = Gwapi.Run("validate", temp.Path);

        Assert.Equal(1, run.ExitCode);
        var errors = run.OutLines.Where(l => l.Contains("spec.controllerName", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("a.json:1: GatewayClass a:", errors[0]);
        Assert.Contains("z/late.yml:6: GatewayClass z:", errors[1]);
    }

    [Fact]
    public void UsageErrors_AreExitTwo()
    {
        Gwapi.AssertInputError(Gwapi.Run("validate", "--bogus", "x"), "gwapi --help shows the usage");
        Gwapi.AssertInputError(Gwapi.Run("status", "-o", "xml", RepoPaths.Examples), "xml");
        Gwapi.AssertInputError(Gwapi.Run("status", "--channel", "beta", RepoPaths.Examples), "beta");
        Gwapi.AssertInputError(Gwapi.Run("status", "--now", "yesterday", RepoPaths.Examples), "--now: 'yesterday' is not a time");
        Gwapi.AssertInputError(Gwapi.Run(), "gwapi --help shows the usage");
    }

    [Fact]
    public void Version_PrintsTheInformationalVersion()
    {
        var expected = typeof(GwapiCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var run = Gwapi.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Out.Trim());
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        var run = Gwapi.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate", run.Out);
        Assert.Contains("status", run.Out);
        Assert.Contains("route", run.Out);
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllText(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
