namespace EdgeNet.Kernels;

/// <summary>
/// The entry checks of the kernels that index without bounds checks (<c>Unsafe.Add</c>, vector loads, pointers):
/// each kernel checks its sizes and span lengths once per call, in 64-bit arithmetic, and throws
/// <see cref="ArgumentException"/> before any element is read, so no input reaches an out-of-bounds access.
/// </summary>
internal static class KernelChecks
{
    /// <summary>Whether a span of <paramref name="length"/> elements holds <paramref name="rows"/> × <paramref name="columns"/> (neither negative).</summary>
    public static bool Holds(int length, int rows, int columns) => rows >= 0 && columns >= 0 && length >= (long)rows * columns;

    /// <summary>Throws "<paramref name="kernel"/>: shapes do not fit." unless <paramref name="fits"/>.</summary>
    public static void Require(bool fits, string kernel)
    {
        if (!fits)
        {
            Throw(kernel);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw(string kernel) => throw new ArgumentException($"{kernel}: shapes do not fit.");
}
