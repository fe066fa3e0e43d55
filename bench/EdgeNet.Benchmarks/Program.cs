using BenchmarkDotNet.Running;
using EdgeNet.Benchmarks;

// `compare`: the quick side-by-side timings bench/compare.sh reads; anything else goes to BenchmarkDotNet.
if (args is ["compare"])
{
    SideBySide.Run(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly).Run(args);
