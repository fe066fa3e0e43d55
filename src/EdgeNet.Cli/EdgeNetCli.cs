using System.CommandLine;
using System.CommandLine.Parsing;
using EdgeNet.Cli.Commands;
using EdgeNet.Cli.Input;
using EdgeNet.Cli.Output;
using EdgeNet.IO;
using EdgeNet.Models;
using EdgeNet.Training;

namespace EdgeNet.Cli;

/// <summary>The <c>edgenet</c> command: parses, runs one command, turns every failure into one line on stderr.</summary>
internal static class EdgeNetCli
{
    /// <summary>
    /// Runs the command line and returns the exit code. Nothing escapes as a stack trace: parse errors (response files
    /// included) and failures are one line on <paramref name="error"/>; only a bug in edgenet gives exit 70.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        using IDisposable saves = SaveGuard.Begin();                       // what this run's plans check, for every save
        try
        {
            if (Array.FindIndex(args, a => a.Contains('\0', StringComparison.Ordinal)) is var nul and >= 0)
            {
                // Only a program can pass one (a shell cannot); no file name or value may hold it.
                ErrorLine.Write(error, $"argument {nul + 1} ({UserText.Quote(args[nul])}) holds a NUL character, which no file name or value may hold.");
                return ExitCodes.Usage;
            }
            RootCommand root = BuildRoot(context);
            var configuration = new ParserConfiguration { ResponseFileTokenReplacer = new ResponseFiles().TryReplace };
            ParseResult parsed = root.Parse(args.Length == 0 ? ["--help"] : args, configuration);
            if (parsed.Errors.Count > 0)
            {
                // An unknown word explains more than the "required command" error it causes.
                ParseError first = parsed.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First();
                string command = parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name + " ";
                ErrorLine.Write(error, $"{first.Message} (see 'edgenet {command}--help')");
                return ExitCodes.Usage;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report(context, e);
        }
    }

    /// <summary>All commands; each command file registers nothing itself.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("EdgeNet: the tutorial's edge-detecting neural network, from scratch in C#.");
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(GradcheckCommand.Create(context));
        root.Subcommands.Add(StepCommand.Create(context));
        root.Subcommands.Add(GuideCommand.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(SceneCommand.Create(context));
        root.Subcommands.Add(ScenesCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(PlaygroundCommand.Create(context));
        StrictNumbers.Apply(root);                                        // every number option: invariant, no separators
        StrictPaths.Apply(root);                                          // every file option: no empty name
        return root;
    }

    /// <summary>Runs a command body, mapping the failures users can cause to one clear line and an exit code.</summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Report(context, e);
        }
    }

    /// <summary>Prints the one line for <paramref name="e"/> and returns its exit code.</summary>
    private static int Report(CliContext context, Exception e)
    {
        (string message, int code) = Describe(e);
        ErrorLine.Write(context.Error, message);
        return code;
    }

    private static (string Message, int ExitCode) Describe(Exception e) => e switch
    {
        UsageException => (e.Message, ExitCodes.Usage),
        ArgumentException => (e.Message, ExitCodes.Usage),
        ModelFormatException or InvalidDataException or TrainingDivergedException => (e.Message, ExitCodes.Failure),
        FileNotFoundException or DirectoryNotFoundException or OutputRefusedException or SaveFailedException => (e.Message, ExitCodes.Failure),
        UnauthorizedAccessException or IOException => ($"cannot read or write a file: {e.Message}", ExitCodes.Failure),
        OperationCanceledException => ("cancelled; nothing was written.", ExitCodes.Failure),
        OutOfMemoryException => ("out of memory: the input is larger than this machine can hold (see the caps in docs/errors.md).", ExitCodes.Failure),
        _ => ($"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.Internal),
    };
}
