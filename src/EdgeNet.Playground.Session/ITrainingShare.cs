namespace EdgeNet.Playground;

/// <summary>
/// The sessions training on one host: a session training flat out takes its share of the processors, so that every
/// training session still sends its frames on time. The server counts all its tabs; a Web Worker has one session.
/// </summary>
internal interface ITrainingShare
{
    /// <summary>Sessions training now, the asking one included.</summary>
    int Training { get; }

    /// <summary>A session starts (+1) or stops (−1) training.</summary>
    void ChangeTraining(int change);
}
