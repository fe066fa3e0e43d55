using EdgeNet.Data;
using EdgeNet.Layers;
using EdgeNet.Optimizers;
using EdgeNet.Passes;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>What the session sends: the defaults and caps once, the run's data when it starts, frames as it trains.</summary>
internal sealed partial class PlaygroundSession
{
    /// <summary>Training patches shown in the data strip.</summary>
    private const int SampleStrip = 16;

    /// <summary>Wrong test patches sent per frame.</summary>
    private const int WrongShown = 24;

    private void SendHello()
    {
        var tutorial = new TrainingOptions();
        var varied = new VariedOptions();
        var message = new JsonMessage("hello");
        var w = message.Writer;
        w.WriteStartObject("defaults");
        w.WriteString("data", "tutorial");
        w.WriteNumber("seed", tutorial.Seed);
        w.WriteString("hidden", string.Join(",", tutorial.Hidden));
        w.WriteNumber("lr", tutorial.LearningRate);
        w.WriteNumber("batch", tutorial.BatchSize);
        w.WriteBoolean("shuffle", tutorial.Shuffle);
        w.WriteBoolean("reference", false);
        w.WriteNumber("speed", _speed);
        w.WriteString("optimizer", OptimizerNames.Name(tutorial.Optimizer.Kind));
        w.WriteString("activation", HiddenActivations.Name(tutorial.Activation));
        w.WriteString("init", WeightInits.Name(tutorial.Init));
        w.WriteStartObject("optimizers");                          // each rule's own defaults (ε, λ differ)
        foreach (string name in OptimizerNames.Names)
        {
            OptimizerSettings rule = OptimizerSettings.For(OptimizerNames.Parse(name)!.Value);
            w.WriteStartObject(name);
            w.WriteNumber("momentum", rule.Momentum);
            w.WriteNumber("rms-decay", rule.RmsDecay);
            w.WriteNumber("beta1", rule.Beta1);
            w.WriteNumber("beta2", rule.Beta2);
            w.WriteNumber("eps", rule.Eps);
            w.WriteNumber("weight-decay", rule.WeightDecay);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteString("task", EdgeTasks.Name(varied.Task));
        w.WriteNumber("patch", varied.PatchSize);
        w.WriteNumber("noise", varied.Noise);
        w.WriteNumber("contrast", varied.MinContrast);
        w.WriteNumber("softness", varied.MaxSoftness);
        w.WriteStartObject("tutorial");
        w.WriteNumber("train", tutorial.TrainSamples);
        w.WriteNumber("test", tutorial.TestSamples);
        w.WriteNumber("epochs", tutorial.Epochs);
        w.WriteEndObject();
        w.WriteStartObject("varied");
        w.WriteNumber("train", VariedDefaults.TrainSamples);
        w.WriteNumber("test", VariedDefaults.TestSamples);
        w.WriteNumber("epochs", VariedDefaults.Epochs);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("limits");
        w.WriteNumber("maxHiddenLayers", _limits.MaxHiddenLayers);
        w.WriteNumber("maxNeurons", _limits.MaxNeurons);
        w.WriteNumber("maxEpochs", _limits.MaxEpochs);
        w.WriteNumber("maxTrainSamples", _limits.MaxTrainSamples);
        w.WriteNumber("maxTestSamples", _limits.MaxTestSamples);
        w.WriteNumber("maxCsvBytes", _limits.MaxCsvBytes);
        w.WriteNumber("maxPhotoBytes", _limits.MaxPhotoBytes);
        w.WriteNumber("maxPhotoPixels", _limits.MaxPhotoPixels);
        w.WriteNumber("maxPatch", VariedOptions.MaxPatchSize);
        w.WriteEndObject();
        PageTables.Write(w);
        Lessons.Write(w);
        Send(message);
    }

    // A new run: what the data is, a strip of its patches, the shape of the network.
    private void SendRun()
    {
        PlaygroundRun run = _run!;
        var message = new JsonMessage("run");
        var w = message.Writer;
        w.WriteNumber("version", _runVersion);
        w.WriteString("data", run.Settings.DataKind);
        w.WriteString("dataName", run.Settings.DataKind == "varied" ? run.Settings.Data.ToString() : run.DataName);
        message.Strings("classNames", run.Train.ClassNames);
        if (run.PatchSide is int side)
        {
            w.WriteNumber("patchSide", side);
        }
        else
        {
            w.WriteNull("patchSide");
        }
        w.WriteNumber("inputs", run.Network.Inputs);
        w.WriteStartArray("shape");
        w.WriteNumberValue(run.Network.Inputs);
        foreach (var layer in run.Network.Layers)
        {
            w.WriteNumberValue(layer.Outputs);
        }
        w.WriteEndArray();
        w.WriteNumber("parameters", run.Network.ParameterCount);
        w.WriteNumber("trainCount", run.Train.Count);
        w.WriteNumber("testCount", run.Test?.Count ?? 0);
        w.WriteNumber("epochs", run.Options.Epochs);
        PassPlan plan = run.Network.Plan(Math.Min(run.Options.BatchSize, run.Train.Count));
        w.WriteString("plan", $"{plan.Path}: {plan.Reason}");           // which kernels train, as edgenet train --explain says
        w.WriteString("activation", HiddenActivations.Name(run.Network.HiddenActivation));
        w.WriteString("optimizer", run.Options.Optimizer.ToString());
        w.WriteString("rule", OptimizerNames.Name(run.Options.Optimizer.Kind));
        w.WriteString("init", WeightInits.Name(run.Options.Init));
        w.WriteBoolean("tutorialStep", run.Optimizer is null && run.Network.HiddenActivation == HiddenActivation.Relu);   // the step panel's trace is edgenet step's
        w.WriteStartArray("samples");
        for (int i = 0; i < Math.Min(SampleStrip, run.Train.Count); i++)
        {
            w.WriteStartObject();
            message.Numbers("pixels", run.Train.Sample(i));
            w.WriteNumber("label", run.Train.Labels[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Send(message);
        SendFrame();
    }

    private void SendFrame()
    {
        PlaygroundRun run = _run!;
        _lastFrame = _clock.Elapsed;
        _dirty = false;
        var message = new JsonMessage("frame");
        var w = message.Writer;
        w.WriteNumber("version", _runVersion);
        w.WriteNumber("epoch", run.History.Count);
        w.WriteNumber("epochs", run.Options.Epochs);
        w.WriteNumber("position", run.Position);
        w.WriteNumber("handSteps", run.HandSteps);
        w.WriteBoolean("playing", _playing);
        w.WriteBoolean("finished", run.Finished);
        w.WriteNumber("from", _pointsSent);
        w.WriteStartArray("points");
        IReadOnlyList<EpochStats> history = run.History;
        for (int i = _pointsSent; i < history.Count; i++)
        {
            EpochStats s = history[i];
            w.WriteStartArray();
            w.WriteNumberValue(s.Epoch);
            message.WriteNumber(s.TrainLoss);
            message.WriteNumber(s.TrainAccuracy);
            message.WriteNumber(s.TestLoss ?? double.NaN);
            message.WriteNumber(s.TestAccuracy ?? double.NaN);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        _pointsSent = history.Count;
        if (!_playing)
        {
            run.ComputeTrainingGradient();                            // the picture's links: dL/dW at these weights (not while playing)
        }
        w.WriteStartArray("layers");
        foreach (var layer in run.Network.Layers)
        {
            w.WriteStartObject();
            w.WriteNumber("inputs", layer.Inputs);
            w.WriteNumber("outputs", layer.Outputs);
            message.Floats("w", layer.Weights);
            message.Floats("b", layer.Bias);
            if (!_playing)
            {
                message.Floats("g", layer.WeightGradient);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (run.Test is { } test)
        {
            Evaluation evaluation = Evaluation.Of(run.Network, test);
            int classes = run.Network.Classes;
            w.WriteStartArray("confusion");
            for (int t = 0; t < classes; t++)
            {
                w.WriteStartArray();
                for (int p = 0; p < classes; p++)
                {
                    w.WriteNumberValue(evaluation.Confusion[t, p]);
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteNumber("testCorrect", evaluation.Correct);
            w.WriteNumber("testCount", evaluation.Count);
            int[] predicted = Predictions.Of(run.Network, test);
            w.WriteStartArray("wrong");
            int shown = 0;
            for (int i = 0; i < test.Count && shown < WrongShown; i++)
            {
                if (predicted[i] != test.Labels[i])
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", i);
                    message.Numbers("pixels", test.Sample(i));
                    w.WriteNumber("label", test.Labels[i]);
                    w.WriteNumber("predicted", predicted[i]);
                    w.WriteEndObject();
                    shown++;
                }
            }
            w.WriteEndArray();
            w.WriteNumber("wrongCount", predicted.Where((p, i) => p != test.Labels[i]).Count());
        }
        Send(message);
        SendLesson();
        if (_pendingError is { } error)
        {
            _pendingError = null;
            SendError(error, null);
        }
    }

    private void SendError(string text, string? about)
    {
        var message = new JsonMessage("error");
        message.Writer.WriteString("message", text);
        if (about is not null)
        {
            message.Writer.WriteString("about", about.Length <= 20 ? about : about[..20]);
        }
        Send(message);
    }
}
