using BenchmarkDotNet.Running;
using EdgeNet.Benchmarks;

// `compare [name-part]`: the quick side-by-side timings bench/compare.sh reads; anything else goes to BenchmarkDotNet.
if (args is ["compare", ..])
{
    SideBySide.Run(Console.Out, args.Length > 1 ? args[1] : "");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly).Run(args);
