namespace EdgeNet.Cli.Output;

/// <summary>Passes each report to every listener (console, metrics file, figures).</summary>
internal sealed class ProgressFanOut<T>(IEnumerable<IProgress<T>> listeners) : IProgress<T>
{
    private readonly IProgress<T>[] _listeners = [.. listeners];

    public void Report(T value)
    {
        foreach (IProgress<T> listener in _listeners)
        {
            listener.Report(value);
        }
    }
}
