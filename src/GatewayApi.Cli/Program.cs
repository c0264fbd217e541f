using GatewayApi.Cli;
using GatewayApi.Cli.Output;

return await GwapiCli.RunAsync(args, CliConsole.FromProcess()).ConfigureAwait(false);
