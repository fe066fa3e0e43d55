using System.Globalization;
using System.Text.Json;

namespace EdgeNet.Playground;

/// <summary>
/// Reads named values from the page's settings object (strings, numbers or booleans), each checked against its
/// range in 64-bit arithmetic; a bad value throws <see cref="PlaygroundInputException"/> with its name and range.
/// </summary>
internal sealed class SettingsReader(JsonElement values)
{
    private const int MaxTextLength = 200;

    public string Choice(string key, string name, IReadOnlyList<string> choices, string fallback)
    {
        string? text = Text(key);
        if (text is null)
        {
            return fallback;
        }
        string lower = text.ToLowerInvariant();
        return choices.Contains(lower) ? lower : throw Bad($"The {name} must be one of {string.Join(", ", choices)} (got '{Shorten(text)}').");
    }

    public int Int(string key, string name, int fallback, int min, int max)
    {
        string? text = Text(key);
        if (text is null)
        {
            return fallback;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            throw Bad($"The {name} must be a whole number from {min} to {max} (got '{Shorten(text)}').");
        }
        return value >= min && value <= max ? (int)value : throw Bad($"The {name} must be from {min} to {max} (got {value}).");
    }

    public uint Seed(string key, uint fallback)
    {
        string? text = Text(key);
        if (text is null)
        {
            return fallback;
        }
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint value)
            ? value
            : throw Bad($"The seed must be a whole number from 0 to {uint.MaxValue} (got '{Shorten(text)}').");
    }

    public double Double(string key, string name, double fallback, double min, double max, bool minExclusive = false)
    {
        string? text = Text(key);
        if (text is null)
        {
            return fallback;
        }
        string range = (minExclusive ? $"above {Format(min)}" : $"from {Format(min)}") + $" {(minExclusive ? "and at most" : "to")} {Format(max)}";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Bad($"The {name} must be a number {range} (got '{Shorten(text)}').");
        }
        bool low = minExclusive ? value <= min : value < min;
        return low || value > max ? throw Bad($"The {name} must be {range} (got {Format(value)}).") : value;
    }

    public bool Bool(string key, bool fallback)
    {
        string? text = Text(key);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "1" or "true" or "on" or "yes" => true,
            "0" or "false" or "off" or "no" => false,
            _ => throw Bad($"'{key}' must be on or off (got '{Shorten(text)}')."),
        };
    }

    /// <summary>"8" or "16,8": the hidden layer sizes, input side first.</summary>
    public int[] Hidden(string key, IReadOnlyList<int> fallback, PlaygroundLimits limits)
    {
        string? text = Text(key);
        if (text is null)
        {
            return [.. fallback];
        }
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > limits.MaxHiddenLayers)
        {
            throw Bad($"At most {limits.MaxHiddenLayers} hidden layers (got {parts.Length}).");
        }
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out long size) || size < 1 || size > limits.MaxNeurons)
            {
                throw Bad($"Hidden layer {i + 1} must have from 1 to {limits.MaxNeurons} neurons (got '{Shorten(parts[i])}').");
            }
            sizes[i] = (int)size;
        }
        return sizes;
    }

    private string? Text(string key)
    {
        if (!values.TryGetProperty(key, out JsonElement value))
        {
            return null;
        }
        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => throw Bad($"'{Shorten(key)}' must be a single value."),
        };
        if (text is { Length: > MaxTextLength })
        {
            throw Bad($"'{Shorten(key)}' is too long ({text.Length} characters).");
        }
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static PlaygroundInputException Bad(string message) => new(message);
}
