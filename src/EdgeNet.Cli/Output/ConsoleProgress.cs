using EdgeNet.Training;
using Spectre.Console;

namespace EdgeNet.Cli.Output;

/// <summary>
/// Runs a training with a live progress bar in a terminal; when output is redirected (Spectre then shows no
/// progress) the run goes ahead with only the plain tutorial lines.
/// </summary>
internal static class ConsoleProgress
{
    public static T Run<T>(CliContext context, int epochs, Func<IProgress<EpochStats>?, T> train)
    {
        if (!context.IsInteractive)
        {
            return train(null);
        }
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask("Training", maxValue: epochs);
                result = train(new Progress(task));
            });
        return result;
    }

    private sealed class Progress(ProgressTask task) : IProgress<EpochStats>
    {
        public void Report(EpochStats value)
        {
            task.Description = $"Epoch {value.Epoch + 1}/{value.Epochs}  loss {value.TrainLoss:F4}";
            task.Value = value.Epoch + 1;
        }
    }
}
