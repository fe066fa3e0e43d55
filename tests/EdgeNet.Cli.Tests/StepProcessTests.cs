namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet step</c> as a real process: its formulas survive a redirect (UTF-8), its errors are one line.</summary>
public sealed class StepProcessTests
{
    [Fact]
    public void Redirected_step_prints_the_formulas_symbols_intact()
    {
        // When
        (int code, string output, string error) = ProcessTests.Run(["step"]);

        // Then
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("dL/dz1 = dL/dh ⊙ 1[z1 > 0]", output, StringComparison.Ordinal);
        Assert.Contains("W1 ← W1 − α·dL/dW1", output, StringComparison.Ordinal);
        Assert.Contains("dL/dW2 = hᵀ · dL/dz2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_label_as_a_process_prints_one_line_and_exits_non_zero()
    {
        // When
        (int code, string output, string error) = ProcessTests.Run(["step", "--label", "7"]);

        // Then
        Assert.NotEqual(0, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("edgenet: --label 7 is out of range", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
