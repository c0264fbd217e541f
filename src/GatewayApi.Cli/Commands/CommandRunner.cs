using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Cli.Commands;

/// <summary>Runs a command's body and turns every failure into one line on standard error and exit code 2: never a stack trace.</summary>
internal static class CommandRunner
{
    public static int Run(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliInputException exception)
        {
            return Fail(console, exception.Message);
        }
        catch (ManifestException exception)
        {
            return Fail(console, InputLoader.Describe(exception));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(console, exception.Message);
        }
    }

    /// <summary>Writes <c>gwapi: error: message</c> as one line and returns 2.</summary>
    public static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine("gwapi: error: " + message.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' '));
        return ExitCodes.InputError;
    }
}
