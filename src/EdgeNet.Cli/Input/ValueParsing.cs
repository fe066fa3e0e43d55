using System.Globalization;
using EdgeNet.IO;

namespace EdgeNet.Cli.Input;

/// <summary>Parses the comma lists users type: hidden sizes and pixel values.</summary>
internal static class ValueParsing
{
    /// <summary>
    /// "16,8" → [16, 8]; every size at least 1. Spaces around a size are fine ("16, 8"), and spaces alone separate
    /// sizes too ("16 8"); an empty entry — two commas in a row, a comma first or last — is refused, never skipped,
    /// so a typo cannot become a different network.
    /// </summary>
    public static int[] HiddenSizes(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"--hidden needs layer sizes such as 8 or 16,8 (got {UserText.Quote(text)}).");
        }
        var sizes = new List<int>();
        foreach (string entry in text.Split(','))
        {
            string[] parts = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);   // spaces around and between sizes
            if (parts.Length == 0)
            {
                throw new UsageException($"--hidden {UserText.Quote(text)} has an empty layer size (two commas in a row, or a comma first or last); write sizes such as 8 or 16,8.");
            }
            foreach (string part in parts)
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size < 1)
                {
                    throw new UsageException($"--hidden: {UserText.Quote(part)} is not a layer size (a whole number of neurons, at least 1).");
                }
                sizes.Add(size);
            }
        }
        return [.. sizes];
    }

    /// <summary>Pixel values separated by commas or spaces, each a finite number.</summary>
    public static double[] Pixels(string text, string optionName)
    {
        string[] parts = text.Split([',', ' ', '\t', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim('[', ']');
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"{optionName}: value {i + 1} '{parts[i]}' is not a finite number.");
            }
        }
        if (values.Length == 0)
        {
            throw new UsageException($"{optionName} needs pixel values separated by commas or spaces.");
        }
        return values;
    }
}
