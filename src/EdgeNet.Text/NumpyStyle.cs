using System.Globalization;
using System.Text;

namespace EdgeNet.Text;

/// <summary>Prints a matrix as NumPy's <c>print(array)</c> does: shortest digits, "1." for whole numbers, aligned.</summary>
internal static class NumpyStyle
{
    public static string Matrix(ReadOnlySpan<double> values, int columns)
    {
        string[] cells = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            string cell = values[i].ToString("0.########", CultureInfo.InvariantCulture);
            cells[i] = cell.Contains('.', StringComparison.Ordinal) ? cell : cell + ".";
        }
        int width = cells.Max(c => c.Length);
        var text = new StringBuilder("[");
        int rows = values.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "[" : " [");
            text.Append(string.Join(" ", cells.Skip(r * columns).Take(columns).Select(c => c.PadRight(width))));
            text.Append(r == rows - 1 ? "]]" : "]\n");
        }
        return text.ToString();
    }
}
