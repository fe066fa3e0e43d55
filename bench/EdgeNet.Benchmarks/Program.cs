using BenchmarkDotNet.Running;
using EdgeNet.Benchmarks;

// `compare [name-part]`: the quick side-by-side timings bench/compare.sh reads; `parts`: where the 784→256→10 step's
// time goes, kernel by kernel; anything else goes to BenchmarkDotNet.
if (args is ["compare", ..])
{
    SideBySide.Run(Console.Out, args.Length > 1 ? args[1] : "");
    return;
}
if (args is ["parts"])
{
    MlpParts.Run(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly).Run(args);
