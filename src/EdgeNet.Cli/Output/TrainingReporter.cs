using System.Globalization;
using EdgeNet.Training;

namespace EdgeNet.Cli.Output;

/// <summary>Prints the tutorial's lines, <c>  Epoch  0: Loss = 0.1423</c>, every <c>logEvery</c> epochs.</summary>
internal sealed class TrainingReporter(TextWriter output, int logEvery) : IProgress<EpochStats>
{
    public void Report(EpochStats value)
    {
        if (logEvery > 0 && (value.Epoch % logEvery == 0))
        {
            output.WriteLine(Line(value));
        }
    }

    /// <summary>The tutorial's epoch line; the width of the epoch number grows with the number of epochs.</summary>
    public static string Line(EpochStats value)
    {
        int width = Math.Max(2, (value.Epochs - 1).ToString(CultureInfo.InvariantCulture).Length);
        string epoch = value.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        return string.Create(CultureInfo.InvariantCulture, $"  Epoch {epoch}: Loss = {value.TrainLoss:F4}");
    }
}
