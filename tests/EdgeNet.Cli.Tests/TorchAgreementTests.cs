using System.Diagnostics;

namespace EdgeNet.Cli.Tests;

/// <summary>
/// Runs PyTorch (tools/torch_reference.py: float64, autograd, torch.optim) on every optimizer, every activation and
/// every initialisation, with weight decay, several depths and batch sizes, and holds `edgenet train --metrics` to
/// it: every loss within 1e-9 and every accuracy equal, epoch by epoch. Skipped where PyTorch is missing, unless
/// EDGENET_REQUIRE_NUMPY=1 (CI installs python3-torch and sets it, so there it cannot be skipped).
/// </summary>
public sealed class TorchAgreementTests(TorchAgreementTests.TorchRuns torch) : IClassFixture<TorchAgreementTests.TorchRuns>
{
    /// <summary>Each configuration, as edgenet train and the script both take it.</summary>
    internal static readonly string[] Configurations =
    [
        "--seed 5 --train-samples 60 --test-samples 15 --epochs 12 --optimizer sgd --activation tanh",
        "--seed 6 --train-samples 50 --test-samples 10 --epochs 10 --lr 0.05 --optimizer momentum",
        "--seed 7 --train-samples 60 --test-samples 12 --hidden 12,6 --batch-size 5 --epochs 12 --lr 0.05 --optimizer nesterov --momentum 0.8",
        "--seed 8 --train-samples 45 --test-samples 9 --hidden 5 --batch-size 3 --epochs 10 --optimizer adagrad",
        "--seed 9 --train-samples 80 --test-samples 20 --batch-size 10 --epochs 15 --lr 0.01 --optimizer rmsprop --rms-decay 0.9",
        "--seed 10 --train-samples 50 --test-samples 10 --epochs 10 --lr 0.01 --optimizer adam",
        "--seed 11 --train-samples 64 --test-samples 16 --hidden 16,8 --batch-size 8 --epochs 12 --lr 0.005 --optimizer adamw",
        "--seed 12 --train-samples 48 --test-samples 12 --hidden 6,4,3 --batch-size 4 --epochs 12 --lr 0.02 --optimizer adam --activation sigmoid --beta1 0.8 --beta2 0.99 --eps 1e-6",
        "--seed 13 --train-samples 40 --test-samples 10 --hidden 10 --batch-size 2 --epochs 10 --lr 0.2 --activation leaky-relu --init he",
        "--seed 14 --train-samples 60 --test-samples 12 --batch-size 6 --epochs 10 --lr 0.05 --optimizer momentum --activation tanh --init xavier --weight-decay 0.01 --shuffle",
        "--seed 15 --train-samples 50 --test-samples 10 --epochs 8 --weight-decay 0.05",
        "--seed 16 --train-samples 50 --test-samples 10 --batch-size 5 --epochs 10 --optimizer adagrad --activation sigmoid --weight-decay 1e-3 --eps 1e-8",
        "--seed 17 --train-samples 70 --test-samples 10 --hidden 4,4 --batch-size 33 --epochs 15 --lr 0.01 --optimizer rmsprop --activation leaky-relu --init he",
        "--seed 18 --train-samples 40 --test-samples 10 --epochs 8 --lr 0.01 --optimizer adamw --weight-decay 0.1 --activation tanh --init xavier",
        "--seed 19 --train-samples 100 --test-samples 20 --batch-size 64 --epochs 15 --lr 0.1 --optimizer nesterov --init he",
        "--seed 4294967295 --train-samples 56 --test-samples 14 --hidden 3 --batch-size 7 --epochs 12 --lr 0.01 --optimizer adam --weight-decay 0.01 --shuffle",
        "--seed 20 --train-samples 40 --test-samples 10 --epochs 10 --lr 0.3 --activation sigmoid --init xavier",
        "--seed 21 --train-samples 40 --test-samples 10 --epochs 10 --init he",
    ];

    public static TheoryData<int> Indices => [.. Enumerable.Range(0, Configurations.Length)];

    [SkippableTheory]
    [MemberData(nameof(Indices))]
    public void Metrics_match_pytorch_with_torch_optim(int index)
    {
        Skip.If(torch.Outputs is null && Environment.GetEnvironmentVariable("EDGENET_REQUIRE_NUMPY") != "1", "python3 with torch is not installed");
        Assert.True(torch.Outputs is not null, "EDGENET_REQUIRE_NUMPY=1 but no python3 with torch was found");

        // Given PyTorch's metrics for this configuration
        string[] configuration = Configurations[index].Split(' ');
        double[][] expected = MetricsFile.Parse(torch.Outputs![index]);

        // When edgenet trains the same configuration
        using var folder = new TempFolder();
        string metrics = folder.File("m.csv");
        CliRun run = CliRun.Of(["train", .. configuration, "--metrics", metrics]);

        // Then every loss agrees within 1e-9 and every accuracy is equal, epoch by epoch
        Assert.True(run.ExitCode == 0, run.Error);
        double[][] actual = MetricsFile.Read(metrics);
        MetricsFile.AssertClose(expected, actual, 1e-9);
        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            Assert.Equal(expected[epoch][2], actual[epoch][2]);                 // train accuracy
            Assert.Equal(expected[epoch][4], actual[epoch][4]);                 // test accuracy
        }
    }

    /// <summary>PyTorch's metrics for every configuration, from one Python process (importing torch takes seconds).</summary>
    public sealed class TorchRuns
    {
        public TorchRuns()
        {
            string script = Path.Combine(AppContext.BaseDirectory, "tools", "torch_reference.py");
            foreach (string python in new[] { "/usr/bin/python3", "python3" })
            {
                try
                {
                    NumpyAgreementTests.RunProcess(python, ["-c", "import torch"]);
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    continue;
                }
                string output = RunWithInput(python, [script, "--each-line"], string.Join("\n", Configurations) + "\n");
                Outputs = output.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(Configurations.Length, Outputs.Length);
                return;
            }
        }

        /// <summary>The CSV of each configuration, in order; null when no python3 has torch.</summary>
        public string[]? Outputs { get; }

        private static string RunWithInput(string file, string[] args, string input)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using Process process = Process.Start(start)!;
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} failed: {error.Result}");
            }
            return output;
        }
    }
}
