namespace EdgeNet.Playground;

/// <summary>
/// The caps that keep one tab from taking the server: past any of them the page gets one clear message and
/// every other session keeps running.
/// </summary>
public sealed record PlaygroundLimits
{
    /// <summary>Open tabs (WebSocket sessions) at once.</summary>
    public int MaxSessions { get; init; } = 64;

    /// <summary>Hidden layers.</summary>
    public int MaxHiddenLayers { get; init; } = 4;

    /// <summary>Neurons in one hidden layer.</summary>
    public int MaxNeurons { get; init; } = 128;

    /// <summary>Weights and biases of the whole network.</summary>
    public int MaxParameters { get; init; } = 100_000;

    /// <summary>Epochs of one run.</summary>
    public int MaxEpochs { get; init; } = 10_000;

    /// <summary>Training samples (generated or uploaded).</summary>
    public int MaxTrainSamples { get; init; } = 20_000;

    /// <summary>Test samples (generated or uploaded).</summary>
    public int MaxTestSamples { get; init; } = 5_000;

    /// <summary>Training samples × parameters: bounds the time one epoch takes, so a session stays responsive.</summary>
    public long MaxWorkPerEpoch { get; init; } = 60_000_000;

    /// <summary>Bytes of one uploaded CSV file.</summary>
    public int MaxCsvBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Bytes of one uploaded photo.</summary>
    public int MaxPhotoBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Pixels of one uploaded photo (width × height).</summary>
    public long MaxPhotoPixels { get; init; } = 1_000_000;

    /// <summary>Bytes of one message from the page (an upload travels base64-encoded inside one).</summary>
    public int MaxMessageBytes => (int)Math.Min(int.MaxValue, 4L * Math.Max(MaxCsvBytes, MaxPhotoBytes) / 3 + 64 * 1024);
}
