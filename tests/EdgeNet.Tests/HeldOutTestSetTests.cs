using EdgeNet.Data;
using EdgeNet.Training;

namespace EdgeNet.Tests;

public sealed class HeldOutTestSetTests
{
    [Fact]
    public void Held_out_test_set_is_the_one_a_training_run_draws()
    {
        // Given a run's setup
        var options = new TrainingOptions { Seed = 17, TrainSamples = 37, TestSamples = 11 };
        var setup = SeededSetup<double>.Create(options);

        // When the held-out set is drawn on its own
        Dataset heldOut = GeneratedData.Tutorial.HeldOutTestSet(options.Seed, options.TrainSamples, options.TestSamples);

        // Then it is the same patches with the same labels
        Assert.Equal(setup.Test!.Features.ToArray(), heldOut.Features.ToArray());
        Assert.Equal(setup.Test.Labels.ToArray(), heldOut.Labels.ToArray());
    }
}
