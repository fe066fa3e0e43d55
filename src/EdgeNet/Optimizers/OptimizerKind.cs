namespace EdgeNet.Optimizers;

/// <summary>The update rules, each as torch.optim writes it (see <see cref="OptimizerSettings"/> for their settings).</summary>
public enum OptimizerKind
{
    /// <summary>The tutorial's gradient descent, <c>W ← W − α·g</c> (torch.optim.SGD).</summary>
    Sgd,

    /// <summary>Heavy-ball momentum, <c>v ← μ·v + g</c>, <c>W ← W − α·v</c> (torch.optim.SGD with momentum).</summary>
    Momentum,

    /// <summary>Nesterov momentum, <c>v ← μ·v + g</c>, <c>W ← W − α·(g + μ·v)</c> (torch.optim.SGD, nesterov=True).</summary>
    Nesterov,

    /// <summary>Adagrad, <c>s ← s + g²</c>, <c>W ← W − α·g / (√s + ε)</c> (torch.optim.Adagrad).</summary>
    Adagrad,

    /// <summary>RMSprop, <c>s ← ρ·s + (1 − ρ)·g²</c>, <c>W ← W − α·g / (√s + ε)</c> (torch.optim.RMSprop).</summary>
    RmsProp,

    /// <summary>Adam with bias-corrected moments (torch.optim.Adam); weight decay is added to the gradient.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay, <c>W ← W·(1 − α·λ)</c> before the Adam step (torch.optim.AdamW).</summary>
    AdamW,
}
