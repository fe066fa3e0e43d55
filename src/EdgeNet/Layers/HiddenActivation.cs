namespace EdgeNet.Layers;

/// <summary>The function between the dense layers (the output layer is always softmax).</summary>
public enum HiddenActivation
{
    /// <summary>The tutorial's ReLU, <c>max(0, z)</c>.</summary>
    Relu,

    /// <summary>Leaky ReLU, <c>z</c> above 0 and <c>0.01·z</c> below.</summary>
    LeakyRelu,

    /// <summary>tanh z, from −1 to 1.</summary>
    Tanh,

    /// <summary>The logistic sigmoid 1 / (1 + e^−z), from 0 to 1.</summary>
    Sigmoid,
}
