using System.Globalization;

namespace EdgeNet.Cli.Input;

/// <summary>Parses the comma lists users type: hidden sizes and pixel values.</summary>
internal static class ValueParsing
{
    /// <summary>"16,8" → [16, 8]; every size at least 1.</summary>
    public static int[] HiddenSizes(string text)
    {
        string[] parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new UsageException($"--hidden needs layer sizes such as 8 or 16,8 (got '{text}').");
        }
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                throw new UsageException($"--hidden: '{parts[i]}' is not a layer size (a whole number of neurons, at least 1).");
            }
        }
        return sizes;
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
