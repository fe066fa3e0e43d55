using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeNet.Cli.Tests;

/// <summary>Reads back what <c>edgenet step</c> printed: the line of a formula and the numbers under it.</summary>
internal sealed partial class StepOutput(string text)
{
    private readonly string[] _lines = text.Split('\n');

    /// <summary>The one line that starts with <paramref name="formula"/>.</summary>
    public string Line(string formula) => Assert.Single(_lines, l => l.StartsWith(formula, StringComparison.Ordinal));

    /// <summary>The numbers printed under the quantity whose line starts with <paramref name="formula"/> (worked examples excluded).</summary>
    public double[] Values(string formula)
    {
        int start = Array.IndexOf(_lines, Line(formula));
        var values = new List<double>();
        for (int i = start + 1; i < _lines.Length && _lines[i].StartsWith("    ", StringComparison.Ordinal); i++)
        {
            string line = _lines[i].TrimStart(' ', '=');
            if (line.StartsWith('['))
            {
                values.AddRange(Numbers(line[..(line.IndexOf(']', StringComparison.Ordinal) + 1)]));
            }
        }
        return [.. values];
    }

    /// <summary>The number after <paramref name="label"/> on the summary line, e.g. "Loss before:".</summary>
    public double After(string label)
    {
        string line = Assert.Single(_lines, l => l.Contains(label, StringComparison.Ordinal));
        return Numbers(line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..])[0];
    }

    public static double[] Numbers(string text) =>
        [.. Number().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"[+-]?\d+(\.\d+)?(E[+-]?\d+)?")]
    private static partial Regex Number();
}
