using System.Globalization;
using EdgeNet.Diagnostics;

namespace EdgeNet.Text;

/// <summary>
/// Numbers and matrices for the console, shown in part as the tutorial shows them (<c>[+0.21, -0.18, …]</c>:
/// the first rows and columns, then an ellipsis) unless all are asked for.
/// </summary>
internal static class MatrixText
{
    /// <summary>Rows of a matrix shown before "… more rows".</summary>
    public const int ShownRows = 3;

    /// <summary>Columns of a matrix shown before "…".</summary>
    public const int ShownColumns = 4;

    /// <summary>Values of a vector shown before "…".</summary>
    public const int ShownValues = 8;

    /// <summary>"+0.2100", "-0.1800": four decimals with a sign, as the tutorial's "+0.21" with more digits.</summary>
    public static string Signed(double value) => value.ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture);

    /// <summary>"0.5830": for numbers that cannot be negative (probabilities).</summary>
    public static string Plain(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>"0": for 0/1 values such as the ReLU gate and the one-hot y.</summary>
    public static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A loss: four decimals, or three significant digits when it is tiny.</summary>
    public static string Loss(double value) =>
        value != 0 && Math.Abs(value) < 1e-3 ? value.ToString("0.00E+0", CultureInfo.InvariantCulture) : value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>"(1, 8)", "(25, 8)": the shape as NumPy prints it.</summary>
    public static string Shape(TraceMatrix matrix) => $"({matrix.Rows}, {matrix.Columns})";

    /// <summary>
    /// The lines that show <paramref name="matrix"/>: one bracketed row per line; a vector on one line.
    /// Without <paramref name="full"/>, large ones stop after the first values and say how many are hidden.
    /// </summary>
    public static IEnumerable<string> Lines(TraceMatrix matrix, bool full, Func<double, string> format)
    {
        int rows = full ? matrix.Rows : Math.Min(matrix.Rows, ShownRows);
        int columnLimit = matrix.IsVector ? ShownValues : ShownColumns;
        int columns = full ? matrix.Columns : Math.Min(matrix.Columns, columnLimit);
        for (int r = 0; r < rows; r++)
        {
            string line = Row(matrix.GetRow(r)[..columns], columns < matrix.Columns, format);
            if (matrix.IsVector && columns < matrix.Columns)
            {
                line += $"  ({matrix.Columns} values; --full shows all)";
            }
            yield return line;
        }
        if (rows < matrix.Rows)
        {
            yield return $"… {matrix.Rows - rows} more rows: {matrix.Rows}×{matrix.Columns} = {matrix.Count} values (--full shows all)";
        }
    }

    /// <summary>"[a, b, c]" or "[a, b, c, …]".</summary>
    public static string Row(ReadOnlySpan<double> values, bool more, Func<double, string> format)
    {
        var parts = new List<string>(values.Length + 1);
        foreach (double value in values)
        {
            parts.Add(format(value));
        }
        if (more)
        {
            parts.Add("…");
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>Index of the largest |value| (the first one on a tie): the entry a worked example shows.</summary>
    public static int LargestMagnitude(TraceMatrix matrix)
    {
        int best = 0;
        for (int i = 1; i < matrix.Count; i++)
        {
            if (Math.Abs(matrix[i]) > Math.Abs(matrix[best]))
            {
                best = i;
            }
        }
        return best;
    }
}
