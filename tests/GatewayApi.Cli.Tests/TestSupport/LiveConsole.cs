using System.Text;
using GatewayApi.Cli.Output;

namespace GatewayApi.Cli.Tests.TestSupport;

/// <summary>A console for a long-running command (serve): output can be read while it runs.</summary>
internal sealed class LiveConsole
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    public LiveConsole()
    {
        Console = new CliConsole(new StringReader(""), TextWriter.Synchronized(new StringWriter(_out)), TextWriter.Synchronized(new StringWriter(_error)), Colour: false);
    }

    public CliConsole Console { get; }

    public string Out
    {
        get
        {
            lock (Console.Out)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (Console.Error)
            {
                return _error.ToString();
            }
        }
    }

    public override string ToString() => $"--- stdout\n{Out}\n--- stderr\n{Error}";
}
