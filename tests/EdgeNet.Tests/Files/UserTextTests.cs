using EdgeNet.IO;

namespace EdgeNet.Tests.Files;

/// <summary>User text in messages: escaped, one line, cut.</summary>
public sealed class UserTextTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("a\nb", "'a\\nb'")]
    [InlineData("\u001b[31mred", "'\\e[31mred'")]
    [InlineData("nul\0byte", "'nul\\x00byte'")]
    [InlineData("tab\there\r", "'tab\\there\\r'")]
    [InlineData("line\u2028sep", "'line\\x2028sep'")]
    public void Control_characters_are_escaped(string text, string expected) =>
        Assert.Equal(expected, UserText.Quote(text));

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        string quoted = UserText.Quote(new string('x', 10_000_000));

        Assert.Equal(UserText.MaxQuoted + 3, quoted.Length);
        Assert.EndsWith("…'", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_and_a_pair_kept()
    {
        Assert.Equal("'\\xD800x'", UserText.Quote("\ud800x"));
        Assert.Equal("'😀'", UserText.Quote("😀"));
    }
}
