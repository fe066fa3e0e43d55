using System.Globalization;

namespace EdgeNet;

/// <summary>
/// The caps on everything a file or an option can make edgenet allocate, checked in 64-bit arithmetic before
/// anything is allocated. Generous for learning and experiments; what is larger is refused with one line that says
/// the value and the cap in the engine's terms (samples, batch size, parameters), never a command-line option: the
/// command line adds which of its options to change. Listed in docs/errors.md.
/// </summary>
public static class Limits
{
    /// <summary>Weights and biases of one network: 20 million (with gradients and Wᵀ, about 0.5 GB as f64).</summary>
    public const long MaxParameters = 20_000_000;

    /// <summary>Layers of one network (hidden layers + the output layer).</summary>
    public const int MaxLayers = 64;

    /// <summary>Classes of one network (its confusion matrix has classes² cells).</summary>
    public const int MaxClasses = 1_000;

    /// <summary>Inputs of one network (pixels per sample): a 255×255 patch.</summary>
    public const int MaxInputs = 65_025;

    /// <summary>Samples of one set: generated training, test, gradcheck samples, lines of a CSV.</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>Numbers of one data set (samples × pixels): 50 million (400 MB as f64).</summary>
    public const long MaxDatasetValues = 50_000_000;

    /// <summary>Activations held for one batch (batch × the widths of all layers): 2^25.</summary>
    public const long MaxBatchValues = 1L << 25;

    /// <summary>Pixels of an image to scan, whatever smaller cap the caller sets (the command line's <c>--max-pixels</c>).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>Size of a model file read.</summary>
    public const long MaxModelFileBytes = 256L << 20;

    /// <summary>Size of a CSV data file read.</summary>
    public const long MaxCsvFileBytes = 512L << 20;

    /// <summary>Characters of one CSV line.</summary>
    public const int MaxCsvLineChars = 4 << 20;

    /// <summary>Size of an image file read.</summary>
    public const long MaxImageFileBytes = 256L << 20;

    /// <summary>Size of a response file (<c>edgenet train @options.txt</c>).</summary>
    public const long MaxResponseFileBytes = 1L << 20;

    /// <summary>Characters of one class name in a model file.</summary>
    public const int MaxClassNameLength = 100;

    /// <summary>
    /// Work of one gradient check: parameters × parameters × samples, 5 billion (each parameter costs two forward
    /// passes over the samples, about parameters × samples multiply-adds each: some tens of seconds at this cap).
    /// </summary>
    public const long MaxGradientCheckWork = 5_000_000_000;

    /// <summary>Weights and biases of a network with these layer sizes (inputs first, classes last), in 64-bit arithmetic.</summary>
    public static long Parameters(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        long total = 0;
        for (int l = 0; l + 1 < sizes.Count; l++)
        {
            total += ((long)sizes[l] * sizes[l + 1]) + sizes[l + 1];
            if (total > long.MaxValue / 4)
            {
                return long.MaxValue;
            }
        }
        return total;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> (one line, the sizes and the cap) when a network of these sizes would be
    /// larger than the caps on layers, inputs, classes or parameters.
    /// </summary>
    public static void CheckNetwork(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        string shape = sizes.Count > 12 ? $"{sizes.Count} sizes" : string.Join("→", sizes);
        if (sizes.Count - 1 > MaxLayers)
        {
            throw new ArgumentException($"A network of {sizes.Count - 1} layers is too deep; the most is {MaxLayers}.");
        }
        if (sizes.Count > 0 && sizes[0] > MaxInputs)
        {
            throw new ArgumentException($"A network with {Count(sizes[0])} inputs is too wide; the most is {Count(MaxInputs)}.");
        }
        if (sizes.Count > 0 && sizes[^1] > MaxClasses)
        {
            throw new ArgumentException($"A network with {Count(sizes[^1])} classes has too many; the most is {Count(MaxClasses)}.");
        }
        long parameters = Parameters(sizes);
        if (parameters > MaxParameters)
        {
            string count = parameters == long.MaxValue ? "more than 2^61" : Count(parameters);
            throw new ArgumentException($"The network {shape} would have {count} parameters; the most is {Count(MaxParameters)}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="samples"/> samples of <paramref name="pixels"/> values are above the caps.</summary>
    public static void CheckSamples(long samples, long pixels, string what)
    {
        if (samples > MaxSamples)
        {
            throw new ArgumentException($"{what}: {Count(samples)} samples are too many; the most is {Count(MaxSamples)}.");
        }
        if (samples * pixels > MaxDatasetValues)
        {
            throw new ArgumentException($"{what}: {Count(samples)} samples of {Count(pixels)} pixels are {Count(samples * pixels)} numbers; the most is {Count(MaxDatasetValues)}.");
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when checking every one of <paramref name="parameters"/> gradients by
    /// finite differences over <paramref name="samples"/> samples costs more than <see cref="MaxGradientCheckWork"/>.
    /// </summary>
    public static void CheckGradientCheck(long parameters, long samples)
    {
        Int128 work = (Int128)parameters * parameters * samples;
        if (parameters < 0 || samples < 0 || work > MaxGradientCheckWork)
        {
            throw new ArgumentException(
                $"A gradient check of {Count(parameters)} parameters over {Count(samples)} samples is too much work: parameters² × samples = {work.ToString("N0", CultureInfo.InvariantCulture)}; the most is {Count(MaxGradientCheckWork)}.");
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a batch of <paramref name="batch"/> rows over layers of these output
    /// widths would hold more than <see cref="MaxBatchValues"/> activations per buffer.
    /// </summary>
    public static void CheckBatch(long batch, IEnumerable<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        long values = 0;
        foreach (int width in widths)
        {
            values += batch * width;
        }
        if (values > MaxBatchValues)
        {
            throw new ArgumentException(
                $"A batch of {Count(batch)} samples needs {Count(values)} activations per buffer (batch size × the widths of all layers); the most is {Count(MaxBatchValues)}.");
        }
    }

    /// <summary>"20,000,000".</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"256 MB", "1.2 GB", "900 bytes".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1L << 10 => $"{bytes} bytes",
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.#} GB"),
    };
}
