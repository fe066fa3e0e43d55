using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EdgeNet.IO;

namespace EdgeNet.Cli.Input;

/// <summary>
/// Every number option of every command parses with the invariant culture and nothing else: a decimal point, no
/// group separators, no decimal comma. <c>--lr 0,001</c> is refused (it would otherwise read as 1) with one line.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> runs once on the whole command tree, so options added later by any command get the same
/// rule without doing anything.
/// </remarks>
internal static class StrictNumbers
{
    /// <summary>Sets the strict parser on every int, long, uint and double option (nullable or not) under <paramref name="root"/>.</summary>
    public static void Apply(Command root)
    {
        foreach (Option option in root.Options)
        {
            Set(option);
        }
        foreach (Command command in root.Subcommands)
        {
            Apply(command);
        }
    }

    /// <summary>Parses a whole number: optional sign, digits; nothing else.</summary>
    public static bool TryWhole(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a real number: sign, digits, one decimal point, exponent; no group separators, no comma.</summary>
    public static bool TryReal(string text, out double value)
    {
        value = 0;
        return !text.Contains(',', StringComparison.Ordinal)
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static void Set(Option option)
    {
        switch (option)
        {
            case Option<int> o when o.CustomParser is null: o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, v => (int)v); break;
            case Option<int?> o when o.CustomParser is null: o.CustomParser = r => Whole<int?>(r, o.Name, int.MinValue, int.MaxValue, v => (int)v); break;
            case Option<long> o when o.CustomParser is null: o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue, v => v); break;
            case Option<long?> o when o.CustomParser is null: o.CustomParser = r => Whole<long?>(r, o.Name, long.MinValue, long.MaxValue, v => v); break;
            case Option<uint> o when o.CustomParser is null: o.CustomParser = r => Whole(r, o.Name, 0, uint.MaxValue, v => (uint)v); break;
            case Option<uint?> o when o.CustomParser is null: o.CustomParser = r => Whole<uint?>(r, o.Name, 0, uint.MaxValue, v => (uint)v); break;
            case Option<double> o when o.CustomParser is null: o.CustomParser = r => Real(r, o.Name, v => v); break;
            case Option<double?> o when o.CustomParser is null: o.CustomParser = r => Real<double?>(r, o.Name, v => v); break;
            default: break;
        }
    }

    private static T Whole<T>(ArgumentResult result, string name, long min, long max, Func<long, T> convert)
    {
        string text = Token(result);
        if (!TryWhole(text.Trim(), out long value))
        {
            result.AddError($"{name} needs a whole number such as 10 (got {UserText.Quote(text)}; no separators or decimals).");
            return default!;
        }
        if (value < min || value > max)
        {
            result.AddError($"{name}: {value} is out of range ({min} to {max}).");
            return default!;
        }
        return convert(value);
    }

    private static T Real<T>(ArgumentResult result, string name, Func<double, T> convert)
    {
        string text = Token(result);
        if (!TryReal(text.Trim(), out double value))
        {
            string hint = text.Contains(',', StringComparison.Ordinal) ? "; use a decimal point, not a comma, and no group separators" : string.Empty;
            result.AddError($"{name} needs a number such as 0.001 or 1e-3 (got {UserText.Quote(text)}{hint}).");
            return default!;
        }
        return convert(value);
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
}
