using EdgeNet.Layers;

namespace EdgeNet.Diagnostics;

/// <summary>How the step trace writes a hidden activation and its derivative, for each <see cref="HiddenActivation"/>.</summary>
public static class ActivationFormulas
{
    /// <summary>"h1 = ReLU(z1)", "h1 = tanh(z1)", … the forward formula.</summary>
    public static string Forward(HiddenActivation activation, string h, string z) => activation switch
    {
        HiddenActivation.Relu => $"{h} = ReLU({z})",
        HiddenActivation.LeakyRelu => $"{h} = leaky-ReLU({z}) = {z} if {z} > 0, else {Slope}·{z}",
        HiddenActivation.Tanh => $"{h} = tanh({z})",
        _ => $"{h} = sigmoid({z}) = 1 / (1 + e^−{z})",
    };

    /// <summary>"dL/dz1 = dL/dh1 ⊙ 1[z1 &gt; 0]", … the backward formula through the activation.</summary>
    public static string Backward(HiddenActivation activation, string h, string z) => $"dL/d{z} = dL/d{h} ⊙ {Derivative(activation, h, z)}";

    /// <summary>f′ written with the trace's names: "1[z1 &gt; 0]", "(1 − h1²)", "h1·(1 − h1)", …</summary>
    public static string Derivative(HiddenActivation activation, string h, string z) => activation switch
    {
        HiddenActivation.Relu => $"1[{z} > 0]",
        HiddenActivation.LeakyRelu => $"(1 if {z} > 0, else {Slope})",
        HiddenActivation.Tanh => $"(1 − {h}²)",
        _ => $"{h}·(1 − {h})",
    };

    /// <summary>The activation's name as the trace writes it: ReLU, leaky-ReLU, tanh, sigmoid.</summary>
    public static string Name(HiddenActivation activation) => activation switch
    {
        HiddenActivation.Relu => "ReLU",
        HiddenActivation.LeakyRelu => "leaky-ReLU",
        HiddenActivation.Tanh => "tanh",
        _ => "sigmoid",
    };

    private static string Slope => HiddenActivations.LeakyReluSlope.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
