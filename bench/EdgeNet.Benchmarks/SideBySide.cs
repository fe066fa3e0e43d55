using System.Diagnostics;
using System.Globalization;

namespace EdgeNet.Benchmarks;

/// <summary>
/// The EdgeNet half of bench/compare.sh: times each workload the way bench/peers/common.py times the Python peers
/// (calibrate to ~25 ms a round, 21 rounds, median and quartiles per operation, CPU time of
/// the thread — see <see cref="ThreadClock"/>) and prints one JSON object a line.
/// </summary>
public static class SideBySide
{
    public static void Run(TextWriter output, string only = "")
    {
        void Report(string name, Func<double> operation, double flop, double check, bool wallClock = false, int perCall = 1)
        {
            if (name.Contains(only, StringComparison.Ordinal))
            {
                Measured(output, name, operation, flop, check, wallClock, perCall);
            }
        }

        // check: a number both sides compute first (loss of the first step, p(Edge) at pixel (960, 540)) to show
        // that they run on the same data and weights.
        var tutorial = new Workloads.TutorialStep();
        double check = tutorial.Step();
        tutorial = new Workloads.TutorialStep();
        Report("tutorial_step_f64", tutorial.Epoch, flop: 0, check, perCall: tutorial.Samples);   // ns per step, as NumPy's
        var tutorial256 = Workloads.BatchStep.Tutorial256();
        check = tutorial256.Step();
        Report("minibatch256_f32", () => tutorial256.Step(), flop: 0, check);
        var mnist = Workloads.BatchStep.Mnist64();
        check = mnist.Step();
        Report("mlp784_b64_f32", () => mnist.Step(), MlpFlop(64, 784, 256, 10), check);
        var scan = new Workloads.Scan();
        check = scan.Run(1);
        double scanFlop = 2.0 * Workloads.Scan.Width * Workloads.Scan.Height * ((25 * 8) + (8 * 2));
        Report("scan1080p_f32_1thread", () => scan.Run(1), scanFlop, check);
        Report("scan1080p_f32_2threads", () => scan.Run(2), scanFlop, check, wallClock: true);   // two threads: wall clock
        foreach (Optimizers.OptimizerKind kind in Enum.GetValues<Optimizers.OptimizerKind>())
        {
            foreach (int batch in (int[])[1, 256])
            {
                // EdgeNet only (no peer row): the optimizer's whole step, forward to update, on the tutorial's network
                var step = new Workloads.OptimizerStep(kind, batch);
                check = step.Step();
                Report(string.Create(CultureInfo.InvariantCulture, $"optimizer_{Optimizers.OptimizerNames.Name(kind)}_b{batch}_f64"), step.Step, flop: 0, check);
            }
        }
        const int peakIterations = 200_000;
        Report("peak_f32_512", () => PeakFlops.Float512(peakIterations), PeakFlops.Flop(peakIterations, 16), double.NaN);
        Report("peak_f64_512", () => PeakFlops.Double512(peakIterations), PeakFlops.Flop(peakIterations, 8), double.NaN);
        Report("peak_f32_256", () => PeakFlops.Float256(peakIterations), PeakFlops.Flop(peakIterations, 8), double.NaN);
        Report("peak_f64_256", () => PeakFlops.Double256(peakIterations), PeakFlops.Flop(peakIterations, 4), double.NaN);
    }

    /// <summary>FLOP of one SGD step: forward, dW of every layer, dx of all but the first, and the update.</summary>
    public static double MlpFlop(int batch, int inputs, int hidden, int classes) =>
        (2.0 * batch * ((inputs * hidden) + (hidden * classes)))     // forward
        + (2.0 * batch * ((inputs * hidden) + (hidden * classes)))   // dW1, dW2
        + (2.0 * batch * hidden * classes)                           // dh
        + (2.0 * ((inputs * hidden) + (hidden * classes)));          // W −= α·dW

    private static void Measured(TextWriter output, string name, Func<double> operation, double flop, double check, bool wallClock, int perCall)
    {
        (double median, double q1, double q3, double min) = Measure(operation, wallClock);
        (median, q1, q3, min) = (median / perCall, q1 / perCall, q3 / perCall, min / perCall);   // per step of an epoch
        string gflops = flop > 0 ? string.Create(CultureInfo.InvariantCulture, $", \"gflops\": {flop / median:F2}") : "";
        string checkValue = double.IsNaN(check) ? "" : string.Create(CultureInfo.InvariantCulture, $", \"check\": {check:R}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"name\": \"{name}\", \"impl\": \"edgenet\", \"median_ns\": {median:F2}, \"q1_ns\": {q1:F2}, \"q3_ns\": {q3:F2}, \"min_ns\": {min:F2}{gflops}{checkValue}}}"));
        output.Flush();
    }

    /// <summary>Nanoseconds per operation: median and quartiles of 21 rounds of ~25 ms each, after a warm-up.</summary>
    public static (double Median, double Q1, double Q3, double Min) Measure(Func<double> operation, bool wallClock = false)
    {
        Func<long> now = wallClock ? () => (long)Stopwatch.GetElapsedTime(0).TotalNanoseconds : ThreadClock.Nanoseconds;
        double sink = 0;
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (clock.Elapsed.TotalMilliseconds < 300 || calls < 3)  // warm-up: through the JIT's tiers
        {
            sink += operation();
            calls++;
        }
        int perRound = Math.Max(1, (int)(calls * 25.0 / clock.Elapsed.TotalMilliseconds));
        var rounds = new double[21];
        for (int r = 0; r < rounds.Length; r++)
        {
            long start = now();
            for (int i = 0; i < perRound; i++)
            {
                sink += operation();
            }
            rounds[r] = (double)(now() - start) / perRound;
        }
        Array.Sort(rounds);
        GC.KeepAlive(sink);
        return (rounds[10], rounds[5], rounds[15], rounds[0]);
    }
}
