namespace EdgeNet.Data;

/// <summary>What <see cref="VariedPatches"/> painted into a patch, before the label was chosen for the task.</summary>
public enum PatchKind
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

/// <summary>One painted patch, before noise: its kind, and its darkest and brightest levels.</summary>
/// <param name="Kind">What was painted.</param>
/// <param name="Degrees">For a step, the direction from dark to bright (0 = right, 90 = down); else 0 or the ramp's direction.</param>
/// <param name="Dark">The dark level (the lowest level for gradients and textures).</param>
/// <param name="Bright">The bright level (the highest level for gradients and textures).</param>
public readonly record struct PatchDrawing(PatchKind Kind, double Degrees, double Dark, double Bright)
{
    /// <summary>A short description for reports: "vertical dark→bright step", "diagonal step", "gradient", ….</summary>
    public string Describe()
    {
        if (Kind is PatchKind.AxisStep or PatchKind.TiltedStep)
        {
            double wrapped = ((Degrees % 360) + 360) % 360;
            string direction = wrapped switch
            {
                < 45 or >= 315 => "vertical dark→bright",
                >= 135 and < 225 => "vertical bright→dark",
                >= 45 and < 135 => "horizontal dark→bright",
                _ => "horizontal bright→dark",
            };
            return Kind == PatchKind.AxisStep ? $"{direction} step" : $"tilted {direction} step";
        }
        return Kind switch
        {
            PatchKind.DiagonalStep => "diagonal step",
            PatchKind.Gradient => "gradient",
            PatchKind.Texture => "texture",
            _ => "uniform",
        };
    }
}
