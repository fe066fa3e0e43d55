namespace EdgeNet.Data;

/// <summary>What <see cref="VariedPatches"/> painted into a patch, before the label was chosen for the task.</summary>
internal enum PatchKind
{
    /// <summary>A straight step from a dark to a bright level, along one axis, at a pixel boundary.</summary>
    AxisStep,

    /// <summary>A straight step tilted up to <see cref="VariedPatches.MaxTiltDegrees"/> from an axis.</summary>
    TiltedStep,

    /// <summary>A straight step near 45°.</summary>
    DiagonalStep,

    /// <summary>A smooth ramp whose whole change stays below the minimum contrast.</summary>
    Gradient,

    /// <summary>Per-pixel speckle or low waves, peak to peak below the minimum contrast.</summary>
    Texture,

    /// <summary>One gray level.</summary>
    Uniform,
}

/// <summary>One painted patch: its kind and, for a step, the direction from dark to bright in degrees (0 = right, 90 = down).</summary>
internal readonly record struct PatchDrawing(PatchKind Kind, double Degrees, double Dark, double Bright);
