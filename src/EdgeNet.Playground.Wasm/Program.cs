using System.Runtime.Versioning;

[assembly: SupportedOSPlatform("browser")]

namespace EdgeNet.Playground;

/// <summary>The runtime's entry point: nothing to do until engine-worker.js calls <see cref="WorkerEngine"/>.</summary>
internal static class Program
{
    private static void Main()
    {
    }
}
