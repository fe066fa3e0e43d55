using System.Globalization;
using System.Text.Json;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Layers;
using EdgeNet.Models;
using EdgeNet.Optimizers;
using EdgeNet.Text;
using EdgeNet.Training;

namespace EdgeNet.Playground;

/// <summary>What each message from the page does. Every failure a user can cause becomes an "error" message.</summary>
internal sealed partial class PlaygroundSession
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 8 };

    private string? _pendingError;
    private Dataset? _uploadTrain;
    private Dataset? _uploadTest;
    private string? _uploadName;
    private double[]? _probe;

    /// <summary>
    /// A photo the browser decoded to RGBA pixels (the Web Worker's photo upload): scanned as the "photo" message's
    /// file would be, with the same caps, and answered with the same "photo" message.
    /// </summary>
    public void ReceivePhoto(PhotoUpload photo) => Guard("photo", () => ScanPhoto(photo));

    private void Handle(string? text, string? problem)
    {
        string? type = null;
        Guard(null, () =>
        {
            if (problem is not null)
            {
                throw new PlaygroundInputException(problem);
            }
            using JsonDocument document = Parse(text!);
            JsonElement root = document.RootElement;
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            Dispatch(type, root);
            SendLesson();
        }, () => type);
    }

    // Runs one message's work; every failure becomes an "error" message about that message's type.
    private void Guard(string? type, Action work, Func<string?>? typeSeen = null)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is PlaygroundInputException or TrainingDivergedException or ArgumentException)
        {
            if (e is TrainingDivergedException && _run is not null)
            {
                Facts.Diverged = true;
                SendLesson();
            }
            SendError(e.Message, typeSeen?.Invoke() ?? type);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SendError($"Internal error ({e.GetType().Name}): {e.Message}. The session goes on; please report it.", typeSeen?.Invoke() ?? type);
        }
    }

    private void Dispatch(string? type, JsonElement root)
    {
        switch (type)
        {
            case "settings":
                NewRun(RunSettings.Parse(Property(root, "settings"), _limits));
                SendRun();
                break;
            case "reset":
                NewRun(RequireRun().Settings);
                SendRun();
                break;
            case "play":
                if (RequireRun().Finished)
                {
                    throw new PlaygroundInputException($"All {_run!.Options.Epochs} epochs are done: press Reset to train again, or raise Epochs.");
                }
                SetPlaying(true);
                _dirty = true;
                break;
            case "pause":
                SetPlaying(false);
                _dirty = true;
                break;
            case "step":
                SetPlaying(false);
                RequireRun().Step();
                _dirty = true;
                break;
            case "epoch":
                SetPlaying(false);
                RequireRun().Epoch();
                _dirty = true;
                break;
            case "speed":
                double speed = Number(root, "value", 0, 1000);
                _speed = speed;
                if (_playing)
                {
                    _playStarted = _clock.Elapsed;
                    _epochsAtPlay = RequireRun().History.Count;
                }
                break;
            case "csv":
                UploadCsv(root);
                break;
            case "probe":
                Probe(root);
                break;
            case "neuron":
                Neuron(root);
                break;
            case "trace":
                Trace(root, apply: false);
                break;
            case "apply":
                Trace(root, apply: true);
                break;
            case "photo":
                Photo(root);
                break;
            case "download":
                Download(root);
                break;
            case "lesson":
                OpenLesson(root);
                break;
            default:
                throw new PlaygroundInputException(type is null
                    ? "The page sent a message without a type; it was ignored."
                    : $"The page sent a message of unknown type '{Shorten(type)}'; it was ignored.");
        }
    }

    private void NewRun(RunSettings settings)
    {
        long held = _footprint;
        Reserve(RunFootprint.Of(settings, _uploadTrain, _uploadTest));                           // refused before anything is created
        PlaygroundRun run;
        try
        {
            run = new PlaygroundRun(settings, _uploadTrain, _uploadTest, _uploadName, _limits);   // throws before anything changes
        }
        catch
        {
            Reserve(held);
            throw;
        }
        SetPlaying(false);
        _run = run;
        _runVersion++;
        _pointsSent = 0;
        _probe = null;
        _dirty = true;
    }

    // Holds `wanted` bytes of the host's memory budget instead of what the session holds now, or refuses.
    private void Reserve(long wanted)
    {
        if (_budget?.TryResize(_footprint, wanted) is { } refusal)
        {
            throw new PlaygroundInputException(refusal);
        }
        _footprint = wanted;
    }

    private PlaygroundRun RequireRun() => _run ?? throw new PlaygroundInputException("Choose the settings first (the page sends them when it opens).");

    private void UploadCsv(JsonElement root)
    {
        string role = Text(root, "role", 10);
        string name = FileName(root);
        string text = Text(root, "text", _limits.MaxCsvBytes, $"The CSV file is over the playground's cap of {_limits.MaxCsvBytes} bytes.");
        if (role is not ("train" or "test"))
        {
            throw new PlaygroundInputException("A CSV upload is for training (train) or testing (test).");
        }
        int maxRows = role == "train" ? _limits.MaxTrainSamples : _limits.MaxTestSamples;
        Dataset data;
        try
        {
            int? pixels = role == "test" ? _uploadTrain?.FeatureCount : null;
            data = CsvDataset.Parse(new StringReader(text), name, Dataset.EdgeClasses, pixels);
        }
        catch (InvalidDataException e)
        {
            throw new PlaygroundInputException(e.Message);
        }
        if (data.Count > maxRows)
        {
            throw new PlaygroundInputException($"{name} has {data.Count} patches; the playground takes at most {maxRows} for {(role == "train" ? "training" : "testing")}.");
        }
        if (role == "test")
        {
            if (_uploadTrain is null)
            {
                throw new PlaygroundInputException("Upload the training CSV first; the test CSV must have the same number of pixels.");
            }
            Reserve(RunFootprint.Of(_run?.Settings, _uploadTrain, data));
            _uploadTest = data;
        }
        else
        {
            (Dataset? oldTrain, Dataset? oldTest, string? oldName) = (_uploadTrain, _uploadTest, _uploadName);
            (_uploadTrain, _uploadTest, _uploadName) = (data, null, name);
            try
            {
                NewRun(RequireRun().Settings with { DataKind = "csv" });
            }
            catch (PlaygroundInputException)
            {
                (_uploadTrain, _uploadTest, _uploadName) = (oldTrain, oldTest, oldName);
                throw;
            }
            SendRun();
            return;
        }
        if (_run?.Settings.DataKind == "csv")
        {
            NewRun(_run.Settings);
            SendRun();
        }
    }

    private double[] Pixels(JsonElement root)
    {
        PlaygroundRun run = RequireRun();
        JsonElement array = Property(root, "pixels");
        int inputs = run.Network.Inputs;
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != inputs)
        {
            int count = array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;
            throw new PlaygroundInputException($"A patch for this network needs {inputs} pixel values; the page sent {count}.");
        }
        var x = new double[inputs];
        int i = 0;
        foreach (JsonElement value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double v) || !double.IsFinite(v) || Math.Abs(v) > 1e6)
            {
                throw new PlaygroundInputException($"Pixel {i} is not a number from -1000000 to 1000000.");
            }
            x[i++] = v;
        }
        return x;
    }

    private void Probe(JsonElement root)
    {
        double[] x = Pixels(root);
        PlaygroundRun run = _run!;
        _probe = x;
        Network<double> network = run.Network;
        string text = ForwardTraceText.Format(network, x, run.Train.ClassNames, note: null);  // runs the forward pass
        var message = new JsonMessage("probe");
        message.Writer.WriteNumber("version", _runVersion);
        message.Numbers("x", x);
        message.Writer.WriteStartArray("layers");
        for (int l = 0; l < network.Layers.Count; l++)
        {
            message.Writer.WriteStartObject();
            message.Numbers("z", network.PreActivation(l));
            if (l < network.Layers.Count - 1)
            {
                message.Numbers("h", network.Activation(l));
            }
            message.Writer.WriteEndObject();
        }
        message.Writer.WriteEndArray();
        message.Numbers("p", network.Probabilities);
        message.Writer.WriteNumber("predicted", SoftmaxCrossEntropy.ArgMax(network.Probabilities));
        Facts.ProbeP = network.Probabilities.ToArray();
        message.Writer.WriteString("text", text);
        Send(message);
    }

    // z = Σ input[i]·W[i, j] + b[j] of one neuron, with the probed patch's numbers.
    private void Neuron(JsonElement root)
    {
        PlaygroundRun run = RequireRun();
        double[] x = _probe ?? throw new PlaygroundInputException("Probe a patch first: the formula fills in its numbers.");
        Network<double> network = run.Network;
        int layerIndex = (int)Number(root, "layer", 0, network.Layers.Count - 1);
        var layer = network.Layers[layerIndex];
        int neuron = (int)Number(root, "index", 0, layer.Outputs - 1);
        network.Forward(x, 1);
        ReadOnlySpan<double> input = layerIndex == 0 ? x : network.Activation(layerIndex - 1);
        var weights = new double[layer.Inputs];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = layer.Weights[i * layer.Outputs + neuron];
        }
        Facts.Neuron = (layerIndex, neuron);
        var message = new JsonMessage("neuron");
        message.Writer.WriteNumber("layer", layerIndex);
        message.Writer.WriteNumber("index", neuron);
        message.Writer.WriteBoolean("last", layerIndex == network.Layers.Count - 1);
        message.Numbers("inputs", input);
        message.Numbers("weights", weights);
        message.Number("bias", layer.Bias[neuron]);
        message.Number("z", network.PreActivation(layerIndex)[neuron]);
        if (layerIndex < network.Layers.Count - 1)
        {
            message.Number("h", network.Activation(layerIndex)[neuron]);
        }
        else
        {
            message.Number("p", network.Probabilities[neuron]);
        }
        Send(message);
    }

    // The step panel's tables: every number of the SGD step in the tutorial's order, each with its formula and the part
    // of the tutorial that explains it (StepTrace.Quantities, what `edgenet step --full` prints), values at full precision.
    private static void WriteQuantities(JsonMessage message, IReadOnlyList<StepQuantity> quantities)
    {
        Utf8JsonWriter w = message.Writer;
        w.WriteStartArray("quantities");
        foreach (StepQuantity q in quantities)
        {
            w.WriteStartObject();
            w.WriteString("stage", q.Stage.ToString().ToLowerInvariant());
            w.WriteString("symbol", q.Symbol);
            w.WriteString("formula", q.Formula);
            w.WriteString("part", q.TutorialPart);
            w.WriteNumber("rows", q.Value.Rows);
            w.WriteNumber("columns", q.Value.Columns);
            message.Numbers("values", q.Value.Values);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // The step panel's tables for another rule: its formulas, and per parameter the columns of `edgenet step --optimizer
    // NAME --full` (the value, g, the rule's state before and after, Δ, the value after), values at full precision.
    private static void WriteParameters(JsonMessage message, IEnumerable<string> rule, IReadOnlyList<ParameterTrace> parameters, OptimizerSettings settings)
    {
        Utf8JsonWriter w = message.Writer;
        message.Strings("ruleLines", rule);
        w.WriteStartArray("parameters");
        foreach (ParameterTrace parameter in parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", parameter.Name);
            w.WriteNumber("rows", parameter.Before.Rows);
            w.WriteNumber("columns", parameter.Before.Columns);
            w.WriteStartArray("values");
            foreach ((string name, TraceMatrix values) in OptimizerTraceText.Columns(parameter, settings))
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                message.Numbers("values", values.Values);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // The step panel: one update on the probed patch. With the tutorial's SGD and ReLU, every number of the forward and
    // backward pass as 'edgenet step --full' prints it; with another rule (or activation), the rule's update with the
    // run's own optimizer state before and after, as 'edgenet step --optimizer NAME --full' prints it. Shown on copies;
    // applied to the run's network and optimizer.
    private void Trace(JsonElement root, bool apply)
    {
        double[] x = Pixels(root);
        PlaygroundRun run = _run!;
        int label = (int)Number(root, "label", 0, run.Train.ClassCount - 1);
        if (apply)
        {
            SetPlaying(false);
        }
        Network<double> network = apply ? run.Network : Copy(run.Network);
        string model = Invariant($"the playground's network after {run.History.Count} epochs");
        var options = new StepTextOptions(run.Train.ClassNames, model, "the patch in the editor", Full: true);
        var message = new JsonMessage("trace");
        message.Writer.WriteBoolean("applied", apply);
        message.Writer.WriteNumber("label", label);
        if (run.Optimizer is null && network.HiddenActivation == HiddenActivation.Relu)
        {
            StepTrace trace = StepTrace.Record(network, x, label, run.Options.LearningRate);
            message.Writer.WriteString("rule", "sgd");
            message.Writer.WriteString("text", StepTraceText.Format(trace, options));
            message.Number("loss", trace.Loss);
            message.Number("lossAfter", trace.LossAfter);
            message.Writer.WriteString("verdict", StepTraceText.Verdict(trace));
            Facts.Step = new StepFact(apply, trace.Loss, trace.LossAfter);
            WriteQuantities(message, trace.Quantities);
        }
        else
        {
            Optimizer<double> optimizer = run.Optimizer is { } own
                ? apply ? own : own.Copy()
                : new Optimizer<double>(run.Options.Optimizer, run.Options.LearningRate, network.Layers);   // plain SGD keeps no state
            OptimizerTrace trace = OptimizerTrace.Record(network, x, label, optimizer, steps: 1);
            OptimizerStepTrace step = trace.Steps[0];
            options = options with { ExampleDescription = $"{options.ExampleDescription}, label {run.Train.ClassNames[label]} ({label})" };
            message.Writer.WriteString("rule", OptimizerNames.Name(optimizer.Settings.Kind));
            message.Writer.WriteNumber("t", step.Number);
            message.Writer.WriteString("text", OptimizerTraceText.Format(trace, options));
            message.Number("loss", step.Loss);
            message.Number("lossAfter", step.LossAfter);
            message.Writer.WriteString("verdict", Verdict(step.Loss, step.LossAfter));
            Facts.Step = new StepFact(apply, step.Loss, step.LossAfter);
            WriteParameters(message, OptimizerTraceText.Rule(optimizer.Settings), step.Parameters, optimizer.Settings);
        }
        Send(message);
        if (apply)
        {
            run.HandSteps++;
            _dirty = true;
        }
    }

    private static string Verdict(double loss, double lossAfter) =>
        !double.IsFinite(lossAfter) ? Invariant($"WARNING: the loss after the update is {lossAfter}: the step diverged; the learning rate is far too large.")
        : lossAfter < loss ? Invariant($"the loss on this patch fell by {loss - lossAfter:G4} ({(loss > 0 ? 100 * (loss - lossAfter) / loss : 0):F1}% lower).")
        : lossAfter == loss ? "the loss on this patch did not change."
        : Invariant($"the loss on this patch rose by {lossAfter - loss:G4}: a step of the rule need not go downhill on one patch.");

    private void Photo(JsonElement root)
    {
        RequireRun();
        string name = FileName(root);
        string data = Text(root, "data", (int)Math.Min(int.MaxValue, 4L * _limits.MaxPhotoBytes / 3 + 4), $"The photo is over the playground's cap of {_limits.MaxPhotoBytes} bytes.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw new PlaygroundInputException($"{name}: the upload arrived damaged (not base64).");
        }
        ScanPhoto(new PhotoUpload(name, bytes));
    }

    private void ScanPhoto(PhotoUpload photo)
    {
        PlaygroundRun run = RequireRun();
        if (run.PatchSide is not int side)
        {
            throw new PlaygroundInputException("This network does not take square patches, so it cannot scan a photo.");
        }
        PhotoScan scan = _photos.Scan(photo, run.Network, run.Train.ClassNames, side, _limits.MaxPhotoPixels);
        var message = new JsonMessage("photo");
        message.Writer.WriteString("name", photo.Name);
        message.Writer.WriteNumber("width", scan.Width);
        message.Writer.WriteNumber("height", scan.Height);
        message.Writer.WriteString("input", "data:image/png;base64," + Convert.ToBase64String(scan.InputPng));
        message.Writer.WriteString("map", "data:image/png;base64," + Convert.ToBase64String(scan.MapPng));
        message.Number("edgeFraction", scan.EdgeFraction);
        message.Number("correlation", scan.Correlation);
        Facts.PhotoScanned = true;
        Facts.PhotoAccuracy = run.History.Count > 0 ? run.History[^1].TestAccuracy : null;
        Send(message);
    }

    private void Download(JsonElement root)
    {
        PlaygroundRun run = RequireRun();
        string what = Text(root, "what", 20);
        var message = new JsonMessage("download");
        switch (what)
        {
            case "model":
                var record = new TrainingRecord(run.Options with { Epochs = Math.Max(1, run.History.Count) }, run.DataName, run.Settings.DataKind == "varied" ? run.Settings.Data.Varied : null);
                message.Writer.WriteString("name", "edgenet-model.json");
                message.Writer.WriteString("mime", "application/json");
                message.Writer.WriteString("text", ModelFile.Serialize(new Model(run.Network, run.Train.ClassNames, record)));
                break;
            case "metrics":
                message.Writer.WriteString("name", "edgenet-metrics.csv");
                message.Writer.WriteString("mime", "text/csv");
                message.Writer.WriteString("text", MetricsCsv.Format(run.History));
                break;
            default:
                message.Dispose();
                throw new PlaygroundInputException("A download is of the model or the metrics.");
        }
        Send(message);
    }

    private static Network<double> Copy(Network<double> network)
    {
        var copy = Network<double>.Create(network.Inputs, network.HiddenSizes, network.Classes, network.HiddenActivation);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            network.Layers[l].Weights.CopyTo(copy.Layers[l].Weights, 0);
            network.Layers[l].Bias.CopyTo(copy.Layers[l].Bias, 0);
        }
        return copy;
    }

    private static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, ReadOptions);
        }
        catch (JsonException)
        {
            throw new PlaygroundInputException("The page sent a message that is not JSON; it was ignored.");
        }
    }

    private static JsonElement Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new PlaygroundInputException($"The message lacks '{name}'; it was ignored.");

    private static double Number(JsonElement root, string name, double min, double max)
    {
        JsonElement value = Property(root, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double v) && v >= min && v <= max
            ? v
            : throw new PlaygroundInputException(Invariant($"'{name}' must be a number from {min} to {max}."));
    }

    private static string Text(JsonElement root, string name, int maxLength, string? tooLong = null)
    {
        JsonElement value = Property(root, name);
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new PlaygroundInputException($"'{name}' must be text.");
        return text.Length <= maxLength ? text : throw new PlaygroundInputException(tooLong ?? $"'{name}' is too long.");
    }

    // Only for messages: the name the browser gave, never a path anywhere.
    private static string FileName(JsonElement root)
    {
        string name = root.TryGetProperty("name", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "upload";
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.Length == 0 ? "upload" : Shorten(name);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
