namespace EdgeNet.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input could not be used: a missing or invalid file, a diverged run, a failed check.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown option, bad value.</summary>
    public const int Usage = 2;

    /// <summary>A bug in edgenet.</summary>
    public const int Internal = 70;
}
