namespace GatewayApi.Cli.Inputs;

/// <summary>
/// A usage or input error: the run stops, prints <c>gwapi: error: </c> and <see cref="Exception.Message"/> as one
/// line on standard error, and exits with 2. The message says where (<c>file:line:col</c> when known) and what.
/// </summary>
internal sealed class CliInputException : Exception
{
    /// <summary>Creates the error.</summary>
    public CliInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error from the exception that caused it.</summary>
    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
