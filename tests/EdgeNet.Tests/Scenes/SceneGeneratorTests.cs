using EdgeNet.Boundaries;
using EdgeNet.Scenes;

namespace EdgeNet.Tests.Scenes;

public sealed class SceneGeneratorTests
{
    [Fact]
    public void A_seed_and_index_draw_the_same_scene_and_other_indices_other_scenes()
    {
        Scene a = SceneGenerator.Draw(3, 0, 96, 64);
        Scene b = SceneGenerator.Draw(3, 0, 96, 64);
        Scene c = SceneGenerator.Draw(3, 1, 96, 64);
        Assert.Equal(a.Pixels, b.Pixels);
        Assert.Equal(a.Truth, b.Truth);
        Assert.NotEqual(a.Pixels, c.Pixels);
        Assert.NotEqual(SceneGenerator.SceneSeed(3, 1), SceneGenerator.SceneSeed(4, 0));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(9u)]
    public void The_truth_is_binary_one_pixel_wide_and_the_picture_in_range(uint seed)
    {
        Scene scene = SceneGenerator.Draw(seed, 0, 160, 120);
        Assert.All(scene.Truth, v => Assert.True(v is 0 or 255));
        Assert.Contains(scene.Truth, v => v == 255);
        Assert.All(scene.Pixels, v => Assert.InRange(v, 0, 1));
        byte[] thinned = (byte[])scene.Truth.Clone();
        BoundaryThinning.Thin(thinned, scene.Width, scene.Height);
        Assert.Equal(scene.Truth.Select(v => v != 0), thinned.Select(v => v != 0));   // thinning finds nothing to remove
    }

    [Fact]
    public void True_boundaries_have_contrast_and_flat_areas_do_not()
    {
        // Across each true pixel the picture changes more than inside regions on average: a cheap check that the truth
        // sits where the picture steps, over a few scenes.
        double onTruth = 0, elsewhere = 0;
        long truthCount = 0, otherCount = 0;
        for (int i = 0; i < 4; i++)
        {
            Scene s = SceneGenerator.Draw(11, i, 160, 120);
            for (int y = 2; y < s.Height - 2; y++)
            {
                for (int x = 2; x < s.Width - 2; x++)
                {
                    double gx = s.Pixels[(y * s.Width) + x + 2] - s.Pixels[(y * s.Width) + x - 2];
                    double gy = s.Pixels[((y + 2) * s.Width) + x] - s.Pixels[((y - 2) * s.Width) + x];
                    double g = Math.Sqrt((gx * gx) + (gy * gy));
                    if (s.Truth[(y * s.Width) + x] != 0)
                    {
                        (onTruth, truthCount) = (onTruth + g, truthCount + 1);
                    }
                    else
                    {
                        (elsewhere, otherCount) = (elsewhere + g, otherCount + 1);
                    }
                }
            }
        }
        Assert.True(onTruth / truthCount > 3 * (elsewhere / otherCount), $"{onTruth / truthCount} vs {elsewhere / otherCount}");
    }

    [Fact]
    public void Sizes_outside_the_caps_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneGenerator.Draw(1, 0, SceneGenerator.MinSide - 1, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneGenerator.Draw(1, 0, 64, SceneGenerator.MaxSide + 1));
    }
}
