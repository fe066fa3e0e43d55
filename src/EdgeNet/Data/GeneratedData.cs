namespace EdgeNet.Data;

/// <summary>
/// Which generator makes the patches: the tutorial's <c>make_data</c> (5×5, two classes) or
/// <see cref="VariedPatches"/> with its options. Names are "tutorial" and "varied".
/// </summary>
public sealed class GeneratedData
{
    private GeneratedData(string name, VariedOptions? varied)
    {
        Name = name;
        Varied = varied;
    }

    /// <summary>The tutorial's patches.</summary>
    public static GeneratedData Tutorial { get; } = new("tutorial", null);

    /// <summary>"tutorial" or "varied".</summary>
    public string Name { get; }

    /// <summary>The varied generator's options; null for the tutorial's data.</summary>
    public VariedOptions? Varied { get; }

    /// <summary>The question the labels answer.</summary>
    public EdgeTask Task => Varied?.Task ?? EdgeTask.Edge;

    /// <summary>Side of the square patch.</summary>
    public int PatchSize => Varied?.PatchSize ?? TutorialPatches.Size;

    /// <summary>Class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames => EdgeTasks.ClassNames(Task);

    /// <summary>The varied generator with <paramref name="options"/> (validated here).</summary>
    public static GeneratedData VariedWith(VariedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new GeneratedData("varied", options);
    }

    /// <summary>Draws <paramref name="count"/> samples from <paramref name="random"/> (at most <see cref="Limits.MaxSamples"/>).</summary>
    public Dataset Generate(NumpyRandom random, int count)
    {
        Limits.CheckSamples(count, (long)PatchSize * PatchSize, "generated patches");
        return Varied is null ? TutorialPatches.Generate(random, count) : VariedPatches.Generate(random, count, Varied);
    }

    /// <summary>
    /// The test set a run with this seed and these sizes holds out: seed → <paramref name="trainSamples"/> training
    /// patches (drawn and set aside) → <paramref name="testSamples"/> test patches, the order of
    /// <see cref="Training.SeededSetup{T}"/>.
    /// </summary>
    public Dataset HeldOutTestSet(uint seed, int trainSamples, int testSamples)
    {
        var random = new NumpyRandom(seed);                                 // np.random.seed(seed)
        Generate(random, trainSamples);                                     // X_train = make_data(n), set aside
        return Generate(random, testSamples);                               // X_test = make_data(m)
    }

    /// <inheritdoc/>
    public override string ToString() => Varied is null
        ? Name
        : $"{Name} ({EdgeTasks.Name(Task)}, {PatchSize}×{PatchSize}, noise σ {Varied.Noise}, contrast ≥ {Varied.MinContrast}, softness ≤ {Varied.MaxSoftness})";
}
