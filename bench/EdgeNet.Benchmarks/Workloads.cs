using EdgeNet.Inference;
using EdgeNet.Optimizers;
using EdgeNet.Training;

namespace EdgeNet.Benchmarks;

/// <summary>
/// The workloads, built from NumPy-compatible seeds so that bench/peers/*.py use the same data and weights.
/// </summary>
public static class Workloads
{
    /// <summary>The tutorial's network and 100 training patches (seed 42), float64, batch 1.</summary>
    public sealed class TutorialStep
    {
        private readonly Network<double> _network;
        private readonly double[] _x;
        private readonly int[] _labels;
        private readonly int[] _order;
        private int _sample;

        public TutorialStep(bool reference = false)
        {
            var setup = SeededSetup<double>.Create(new TrainingOptions());
            _network = setup.Network;
            _network.UseReferenceKernels = reference;
            _x = setup.Train.FeaturesAs<double>();
            _labels = setup.Train.Labels.ToArray();
            _order = [.. Enumerable.Range(0, _labels.Length)];
        }

        /// <summary>Samples in one epoch (the tutorial's 100 training patches).</summary>
        public int Samples => _labels.Length;

        /// <summary>
        /// One epoch of the tutorial's loop, as bench/peers/numpy_peers.py times NumPy's: a per-sample SGD step on
        /// each sample in turn (<see cref="Sgd.TrainPerSample{T}"/>, as <c>edgenet train</c> runs it). Returns ΣL.
        /// </summary>
        public double Epoch() => Sgd.TrainPerSample(_network, _x, _labels, _order, 0.1).LossSum;

        /// <summary>One SGD step (forward + loss + backward + update) on the next sample, through the one-step API.</summary>
        public double Step()
        {
            int n = _sample;
            _sample = n + 1 == _labels.Length ? 0 : n + 1;
            ReadOnlySpan<double> x = _x.AsSpan(n * 25, 25);
            ReadOnlySpan<int> y = _labels.AsSpan(n, 1);
            double loss = _network.ForwardLoss(x, y, out _);
            Sgd.BackwardAndStep(_network, x, y, 0.1);                         // backward + update
            return loss;
        }
    }

    /// <summary>A generic mini-batch SGD step on fixed data.</summary>
    public sealed class BatchStep
    {
        private readonly Network<float> _network;
        private readonly float[] _x;
        private readonly int[] _labels;
        private readonly float _rate;

        private BatchStep(Network<float> network, float[] x, int[] labels, float rate)
        {
            _network = network;
            _x = x;
            _labels = labels;
            _rate = rate;
        }

        /// <summary>25→8→2, float32, the first 256 of the tutorial's patches (seed 42, make_data(256)), lr 0.1.</summary>
        public static BatchStep Tutorial256()
        {
            var setup = SeededSetup<float>.Create(new TrainingOptions { TrainSamples = 256, TestSamples = 0 });
            return new BatchStep(setup.Network, setup.Train.FeaturesAs<float>(), setup.Train.Labels.ToArray(), 0.1f);
        }

        /// <summary>
        /// 784→256→10, float32, batch 64: seed 0; x = randn(64, 784); W1 = randn(784, 256)·0.05;
        /// W2 = randn(256, 10)·0.05; b = 0; labels n mod 10; lr 0.01.
        /// </summary>
        public static BatchStep Mnist64() => Mnist(64, threads: 1);

        /// <summary>784→256→10 as <see cref="Mnist64"/> at another batch size, its products on up to <paramref name="threads"/> threads.</summary>
        public static BatchStep Mnist(int batch, int threads)
        {
            var random = new NumpyRandom(0);
            float[] x = [.. Enumerable.Range(0, batch * 784).Select(_ => (float)random.Randn())];
            var network = Network<float>.Create(784, [256], 10);
            network.InitializeLikeTutorial(random, 0.05);
            network.Threads = threads;
            return new BatchStep(network, x, [.. Enumerable.Range(0, batch).Select(n => n % 10)], 0.01f);
        }

        public Network<float> Network => _network;

        /// <summary>One SGD step on the whole batch.</summary>
        public float Step()
        {
            float loss = _network.ForwardLoss(_x, _labels, out _);
            Sgd.BackwardAndStep(_network, _x, _labels, _rate);
            return loss / _labels.Length;
        }
    }

    /// <summary>
    /// A training step with any optimizer on the tutorial's 25→8→2 network, float64 (the default precision), as
    /// <c>edgenet train --optimizer NAME --batch-size B</c> takes it by default: the tutorial's 100 patches (seed 42;
    /// more when one batch needs more), batches in order, α 0.1, torch.optim's defaults. After the default 100 epochs the
    /// run starts again from the seeded weights with fresh optimizer state, so that a million timed steps are steps of
    /// the run users make, not of one trained for thousands of epochs. (There, weights whose gradient stays 0 — an input
    /// pixel that is 0 in every patch of the batch, a dead ReLU — leave Adam's m stuck at a subnormal number, torch's
    /// bits as ours, and a step with subnormal operands is slower on x86.)
    /// </summary>
    public sealed class OptimizerStep
    {
        private readonly Network<double> _network;
        private readonly Optimizer<double> _optimizer;
        private readonly double[] _x;
        private readonly int[] _labels;
        private readonly double[][] _initialWeights;
        private readonly double[][] _initialBiases;
        private readonly int _batch;
        private readonly int _batches;
        private readonly int _stepsPerRun;
        private int _step;

        public OptimizerStep(OptimizerKind kind, int batch)
        {
            var defaults = new TrainingOptions();
            var options = new TrainingOptions { TrainSamples = Math.Max(defaults.TrainSamples, batch), TestSamples = 0 };
            var setup = SeededSetup<double>.Create(options);
            _network = setup.Network;
            _x = setup.Train.FeaturesAs<double>();
            _labels = setup.Train.Labels.ToArray();
            _initialWeights = [.. _network.Layers.Select(l => l.Weights.ToArray())];
            _initialBiases = [.. _network.Layers.Select(l => l.Bias.ToArray())];
            _optimizer = new Optimizer<double>(OptimizerSettings.For(kind), options.LearningRate, _network.Layers);
            _batch = batch;
            _batches = _labels.Length / batch;
            _stepsPerRun = _batches * options.Epochs;
        }

        /// <summary>Forward, loss, backward (the gradients into the layers), then the optimizer's update, on the next batch. Returns the loss.</summary>
        public double Step()
        {
            if (_step == _stepsPerRun)
            {
                Restart();
            }
            int start = _step++ % _batches * _batch;
            ReadOnlySpan<double> x = _x.AsSpan(start * _network.Inputs, _batch * _network.Inputs);
            ReadOnlySpan<int> labels = _labels.AsSpan(start, _batch);
            double loss = _network.ForwardLoss(x, labels, out _);
            _network.Backward(x, labels);
            _optimizer.Step(_network.Layers);
            return loss;
        }

        /// <summary>The optimizer's update alone, from the gradients the last backward pass left.</summary>
        public int Update()
        {
            if (_optimizer.Steps == _stepsPerRun)
            {
                Restart();
            }
            _optimizer.Step(_network.Layers);
            return _optimizer.Steps;
        }

        private void Restart()
        {
            for (int l = 0; l < _network.Layers.Count; l++)
            {
                _initialWeights[l].CopyTo(_network.Layers[l].Weights, 0);
                _initialBiases[l].CopyTo(_network.Layers[l].Bias, 0);
            }
            _optimizer.Reset();
            _step = 0;
        }
    }

    /// <summary>
    /// p(Edge) for every 5×5 window of a 1920×1080 image: the tutorial's initial 25→8→2 weights (seed 42), image
    /// = rand(1080, 1920) with seed 1, float32, edge-replicate borders.
    /// </summary>
    public sealed class Scan
    {
        public const int Width = 1920;
        public const int Height = 1080;
        private readonly Network<float> _network;
        private readonly float[] _image;
        private readonly float[] _map = new float[Width * Height];

        public Scan()
        {
            _network = SeededSetup<float>.Create(new TrainingOptions()).Network;
            var random = new NumpyRandom(1);
            _image = [.. Enumerable.Range(0, Width * Height).Select(_ => (float)random.Rand())];
        }

        public float[] Map => _map;

        public float Run(int threads)
        {
            PatchScanner.Scan(_network, _image, Width, Height, 5, 0, _map, threads);
            return _map[(Height / 2 * Width) + (Width / 2)];          // pixel (960, 540)
        }
    }
}
