using System.Globalization;
using EdgeNet.IO;
using EdgeNet.Training;

namespace EdgeNet.Text;

/// <summary>
/// The per-epoch metrics CSV (<c>epoch,train_loss,train_accuracy,test_loss,test_accuracy</c>), numbers in
/// round-trip precision, written whole at the end so that a failed run leaves no partial file.
/// </summary>
public sealed class MetricsCsv : IProgress<EpochStats>
{
    /// <summary>The first line of the file.</summary>
    public const string Header = "epoch,train_loss,train_accuracy,test_loss,test_accuracy";

    private readonly List<EpochStats> _rows = [];

    /// <summary>Keeps the epoch's row.</summary>
    public void Report(EpochStats value) => _rows.Add(value);

    /// <summary>Writes the header and every row reported so far to <paramref name="path"/> (temporary file, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Format(_rows));

    /// <summary>The CSV text of <paramref name="rows"/>: the header, then one line per epoch.</summary>
    public static string Format(IEnumerable<EpochStats> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new System.Text.StringBuilder();
        text.Append(Header).Append('\n');
        foreach (EpochStats row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Epoch},{R(row.TrainLoss)},{R(row.TrainAccuracy)},{R(row.TestLoss)},{R(row.TestAccuracy)}\n");
        }
        return text.ToString();
    }

    private static string R(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
