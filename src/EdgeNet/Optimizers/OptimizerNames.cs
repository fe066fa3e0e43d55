namespace EdgeNet.Optimizers;

/// <summary>The names users type for each <see cref="OptimizerKind"/> (<c>--optimizer adam</c>) and back.</summary>
public static class OptimizerNames
{
    private static readonly (OptimizerKind Kind, string Name)[] All =
    [
        (OptimizerKind.Sgd, "sgd"),
        (OptimizerKind.Momentum, "momentum"),
        (OptimizerKind.Nesterov, "nesterov"),
        (OptimizerKind.Adagrad, "adagrad"),
        (OptimizerKind.RmsProp, "rmsprop"),
        (OptimizerKind.Adam, "adam"),
        (OptimizerKind.AdamW, "adamw"),
    ];

    /// <summary>Every name, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>The name of <paramref name="kind"/>: "sgd", "momentum", …</summary>
    public static string Name(OptimizerKind kind) => All.First(a => a.Kind == kind).Name;

    /// <summary>The kind named <paramref name="name"/> (exact, lower case); null for any other text.</summary>
    public static OptimizerKind? Parse(string? name)
    {
        foreach ((OptimizerKind kind, string known) in All)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return null;
    }
}
