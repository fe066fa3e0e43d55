namespace EdgeNet.Diagnostics;

/// <summary>
/// Lists a <see cref="StepTrace"/>'s numbers in the tutorial's order, each with its formula and the part
/// of the tutorial that explains it. The text of the formulas lives here so every view shows the same.
/// </summary>
internal static class StepQuantities
{
    public static IReadOnlyList<StepQuantity> Of(StepTrace trace)
    {
        var list = new List<StepQuantity>();
        IReadOnlyList<LayerStep> layers = trace.Layers;
        LayerStep output = layers[^1];

        // Forward pass (Parts 1–3).
        list.Add(new(StepStage.Forward, "x", "x = flatten(patch)", "Part 1", trace.Input, null));
        foreach (LayerStep layer in layers)
        {
            string w = layer.WeightsName, b = layer.BiasName, z = layer.PreActivationName, input = layer.InputName;
            list.Add(new(StepStage.Forward, w, $"{w} (before the update)", "Part 1", layer.Weights, layer.Number));
            list.Add(new(StepStage.Forward, b, $"{b} (before the update)", "Part 1", layer.Bias, layer.Number));
            list.Add(new(StepStage.Forward, z, $"{z} = {input}·{w} + {b}", "Part 2, Step 1", layer.PreActivation, layer.Number));
            if (layer.Activation is not null)
            {
                list.Add(new(StepStage.Forward, layer.ActivationName!, ActivationFormulas.Forward(trace.Activation, layer.ActivationName!, z), "Part 2, Step 2", layer.Activation, layer.Number));
            }
        }
        string zLast = output.PreActivationName;
        list.Add(new(StepStage.Forward, "p", $"p = softmax({zLast})", "Part 3", trace.Probabilities, null));

        // Loss (Part 4).
        list.Add(new(StepStage.Loss, "y", "y = one-hot(label)", "Part 4", trace.Target, null));
        list.Add(new(StepStage.Loss, "L", "L = −Σ y·log p = −log p[label]", "Part 4", TraceMatrix.Scalar(trace.Loss), null));

        // Backward pass (Part 7 and the Appendix), last layer first.
        for (int l = layers.Count - 1; l >= 0; l--)
        {
            LayerStep layer = layers[l];
            string w = layer.WeightsName, b = layer.BiasName, z = layer.PreActivationName, input = layer.InputName;
            if (layer.IsOutput)
            {
                list.Add(new(StepStage.Backward, $"dL/d{z}", $"dL/d{z} = p − y", "Part 7, Step 1 (A.1)", layer.PreActivationGradient, layer.Number));
            }
            else
            {
                string h = layer.ActivationName!;
                LayerStep next = layers[l + 1];
                list.Add(new(StepStage.Backward, $"dL/d{h}", $"dL/d{h} = dL/d{next.PreActivationName} · {next.WeightsName}ᵀ", "Part 7, Step 3 (A.4)", layer.ActivationGradient!, layer.Number));
                list.Add(new(StepStage.Backward, $"dL/d{z}", ActivationFormulas.Backward(trace.Activation, h, z), "Part 7, Step 4 (A.5)", layer.PreActivationGradient, layer.Number));
            }
            string step = layer.IsOutput ? "Step 2" : "Step 5";
            list.Add(new(StepStage.Backward, $"dL/d{w}", $"dL/d{w} = {input}ᵀ · dL/d{z}", $"Part 7, {step} (A.2)", layer.WeightGradient, layer.Number));
            list.Add(new(StepStage.Backward, $"dL/d{b}", $"dL/d{b} = dL/d{z}", $"Part 7, {step} (A.3)", layer.BiasGradient, layer.Number));
        }

        // Update (Part 5's rule, applied to every layer as Part 7 shows).
        foreach (LayerStep layer in layers)
        {
            string w = layer.WeightsName, b = layer.BiasName;
            list.Add(new(StepStage.Update, $"{w} (updated)", $"{w} ← {w} − α·dL/d{w}", "Part 5, The Update Rule", layer.UpdatedWeights, layer.Number));
            list.Add(new(StepStage.Update, $"{b} (updated)", $"{b} ← {b} − α·dL/d{b}", "Part 5, The Update Rule", layer.UpdatedBias, layer.Number));
        }

        // The same example again.
        list.Add(new(StepStage.After, "p (after)", "p = softmax(z) with the updated weights", "Part 3", trace.ProbabilitiesAfter, null));
        list.Add(new(StepStage.After, "L (after)", "L = −log p[label] with the updated weights", "Part 4, Part 5", TraceMatrix.Scalar(trace.LossAfter), null));
        return list;
    }
}
