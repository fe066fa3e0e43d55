using System.Text;

namespace EdgeNet.Cli.Output;

/// <summary>A confusion matrix as an aligned text table.</summary>
internal static class ConfusionText
{
    public static string Format(int[,] confusion, IReadOnlyList<string> classes)
    {
        int width = Math.Max(6, classes.Max(c => c.Length)) + 2;
        var text = new StringBuilder();
        text.Append(' ', width);
        foreach (string name in classes)
        {
            text.Append(name.PadLeft(width));
        }
        text.Append('\n');
        for (int t = 0; t < classes.Count; t++)
        {
            text.Append(classes[t].PadRight(width));
            for (int p = 0; p < classes.Count; p++)
            {
                text.Append(confusion[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
