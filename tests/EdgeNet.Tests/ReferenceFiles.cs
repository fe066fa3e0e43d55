using System.Globalization;

namespace EdgeNet.Tests;

/// <summary>The NumPy reference outputs shipped beside the tests (copied from shared/reference).</summary>
internal static class ReferenceFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Rows of epoch,train_loss,train_accuracy,test_loss,test_accuracy.</summary>
    public static double[][] ReadMetrics(string name) =>
        [.. File.ReadAllLines(PathOf(name))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray())];
}
