using EdgeNet.Imaging;
using EdgeNet.Playground.Tests.Support;

namespace EdgeNet.Playground.Tests;

/// <summary>Given bad input of every kind, then the page says what is wrong in one message and the server goes on.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class BadInputTests(PlaygroundFixture playground)
{
    [Theory]
    [InlineData("?lr=-1", "The learning rate must be above 0 and at most 100 (got -1).")]
    [InlineData("?lr=fast", "The learning rate must be a number above 0 and at most 100 (got 'fast').")]
    [InlineData("?epochs=99999999", "The epochs must be from 1 to 10000 (got 99999999).")]
    [InlineData("?hidden=5000", "Hidden layer 1 must have from 1 to 128 neurons (got '5000').")]
    [InlineData("?hidden=8,8,8,8,8", "At most 4 hidden layers (got 5).")]
    [InlineData("?seed=-3", "The seed must be a whole number from 0 to 4294967295 (got '-3').")]
    [InlineData("?data=images", "The data must be one of tutorial, varied, csv (got 'images').")]
    [InlineData("?data=varied&patch=4", "The patch size must be odd, from 3 to 31 (got 4).")]
    [InlineData("?data=csv", "Choose a CSV file to train on first")]
    public async Task Absurd_settings_in_the_url_get_a_message(string query, string expected)
    {
        // Given / When
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, query, wait: false);

        // Then: the message, and the same page still trains once the setting is fixed
        Assert.Contains(expected, await tab.WaitForMessageAsync(), StringComparison.Ordinal);
        await tab.Page.GotoAsync(new Uri(playground.Url, "/?epochs=2&speed=0").AbsoluteUri);
        await tab.WaitForFrameAsync();
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("document.body.dataset.epoch === '1'");
        tab.AssertClean();
    }

    [Fact]
    public async Task A_network_or_an_epoch_past_the_caps_gets_a_message()
    {
        // Given: 31×31 patches into 128 and 128 neurons; 20000 patches of 15×15 into 16 neurons
        var limits = new PlaygroundLimits();
        long big = (31 * 31 + 1) * 128 + (128 + 1) * 128 + (128 + 1) * 2;
        long small = (15 * 15 + 1) * 16 + (16 + 1) * 2;
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?data=varied&patch=31&hidden=128,128", wait: false);
        await using PlaygroundPage slow = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?data=varied&patch=15&train=20000&hidden=16", wait: false);

        // Then
        Assert.StartsWith($"The network would have {big} parameters; the playground takes at most {limits.MaxParameters}.", await tab.WaitForMessageAsync(), StringComparison.Ordinal);
        Assert.StartsWith($"One epoch would be 20000 samples × {small} parameters = {20000 * small} multiply-adds, over the playground's cap of {limits.MaxWorkPerEpoch}.", await slow.WaitForMessageAsync(), StringComparison.Ordinal);
        tab.AssertClean();
        slow.AssertClean();
    }

    [Fact]
    public async Task Bad_files_and_a_wrong_pixel_count_get_messages_and_the_session_goes_on()
    {
        // Given
        using var folder = new TempFolder();
        string badLabel = folder.File("bad.csv"), train = folder.File("train.csv"), narrow = folder.File("narrow.csv"), notImage = folder.File("notes.png"), huge = folder.File("huge.png");
        File.WriteAllText(badLabel, "0," + string.Join(",", Enumerable.Repeat("0.5", 25)) + "\nedge," + string.Join(",", Enumerable.Repeat("0.5", 25)) + "\n");
        File.WriteAllText(train, UploadTests.Csv(EdgeNet.Data.TutorialPatches.Generate(new NumpyRandom(1), 10)));
        File.WriteAllText(narrow, "0,0.1,0.2,0.3\n");
        File.WriteAllText(notImage, "these are notes, not a picture");
        File.WriteAllBytes(huge, PngFile.EncodeGray(new byte[1001 * 1000], 1001, 1000));
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, "?epochs=3&speed=0");

        // When / Then: each gets its own message
        await tab.Field("Data").SelectOptionAsync("csv");
        await tab.WaitForMessageAsync(1);
        await tab.Field("Training CSV").SetInputFilesAsync(badLabel);
        Assert.Equal("bad.csv line 2: the label 'edge' is not a whole number.", await tab.WaitForMessageAsync(2));
        await tab.Field("Training CSV").SetInputFilesAsync(train);
        await tab.WaitAsync("document.getElementById('data-summary').textContent.startsWith('train.csv: 10 training')");
        await tab.Field("Test CSV").SetInputFilesAsync(narrow);
        Assert.Equal("narrow.csv line 1: expected 25 pixel values after the label, found 3.", await tab.WaitForMessageAsync(3));
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(notImage);
        Assert.Equal("notes.png is not an image that can be read (PNG or JPEG expected).", await tab.WaitForMessageAsync(4));
        await tab.Field("Photo (PNG or JPEG)").SetInputFilesAsync(huge);
        Assert.StartsWith("huge.png is 1001×1000 = 1001000 pixels; the playground scans up to 1000000.", await tab.WaitForMessageAsync(5), StringComparison.Ordinal);
        await tab.Field("Patch pixels").FillAsync("0.1, 0.2, 0.3");
        await tab.Field("Patch pixels").PressAsync("Tab");
        Assert.Equal("A patch for this network needs 25 pixel values; the page sent 3.", await tab.WaitForMessageAsync(6));

        // and the session still trains on the good CSV
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("document.body.dataset.epoch === '1'");
        Assert.Equal(1, (await PlaygroundFixture.StatusAsync(playground.Url)).Sessions);
        tab.AssertClean();
    }

    [Theory]
    [InlineData("this is not json", false, 0, "The page sent a message that is not JSON; it was ignored.")]
    [InlineData("[1, 2, 3]", false, 0, "The page sent a message without a type; it was ignored.")]
    [InlineData("{\"type\": \"format-disk\"}", false, 0, "The page sent a message of unknown type 'format-disk'; it was ignored.")]
    [InlineData("{\"type\": \"probe\"}", false, 0, "Choose the settings first")]
    [InlineData("{\"type\": \"speed\", \"value\": 1e308}", false, 0, "'value' must be a number from 0 to 1000.")]
    [InlineData("{\"type\": \"csv\", \"role\": \"train\", \"name\": \"../../etc/passwd\", \"text\": \"x\"}", false, 0, "passwd line 1: the label 'x' is not a whole number.")]
    [InlineData("{\"type\": \"photo\", \"name\": \"a.png\", \"data\": \"@@@\"}", false, 0, "Choose the settings first")]
    [InlineData("", true, 0, "The server takes text (JSON) messages only.")]
    [InlineData("", false, 8_000_000, "That message was over the playground's cap of")]
    [InlineData("{\"type\":\"settings\",\"settings\":{\"a\":[[[[[[[[[[1]]]]]]]]]]}}", false, 0, "The page sent a message that is not JSON; it was ignored.")]
    public async Task Malformed_socket_messages_get_a_message_and_the_session_still_answers(string text, bool binary, int size, string expected)
    {
        // Given
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url);

        // When
        var reply = await tab.Page.EvaluateAsync<RawSocket.Reply>(RawSocket.Script, new { text, size, binary });

        // Then
        Assert.Contains(expected, reply.Error, StringComparison.Ordinal);
        Assert.True(reply.Alive, "after the bad message, a good one was not answered");
        tab.AssertClean();
    }
}
