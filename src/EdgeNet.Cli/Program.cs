using EdgeNet.Cli;

return EdgeNetCli.Run(args, Console.Out, Console.Error);
