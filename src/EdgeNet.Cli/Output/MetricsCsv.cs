using System.Globalization;
using EdgeNet.IO;
using EdgeNet.Training;

namespace EdgeNet.Cli.Output;

/// <summary>
/// The per-epoch metrics CSV (<c>epoch,train_loss,train_accuracy,test_loss,test_accuracy</c>), numbers in
/// round-trip precision, written whole at the end so that a failed run leaves no partial file.
/// </summary>
internal sealed class MetricsCsv : IProgress<EpochStats>
{
    public const string Header = "epoch,train_loss,train_accuracy,test_loss,test_accuracy";

    private readonly List<EpochStats> _rows = [];

    public void Report(EpochStats value) => _rows.Add(value);

    public void Save(string path)
    {
        var text = new System.Text.StringBuilder();
        text.Append(Header).Append('\n');
        foreach (EpochStats row in _rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Epoch},{R(row.TrainLoss)},{R(row.TrainAccuracy)},{R(row.TestLoss)},{R(row.TestAccuracy)}\n");
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string R(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
