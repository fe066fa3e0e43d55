using EdgeNet.Imaging;
using EdgeNet.Playground.Tests.Support;
using EdgeNet.Testing;

namespace EdgeNet.Playground.Tests;

/// <summary>Given bad input of every kind, then the page says what is wrong in one message and the server goes on.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class BadInputTests(PlaygroundFixture playground)
{
    private static readonly (string Query, string Expected)[] AbsurdSettings =
    [
        ("?lr=-1", "The learning rate must be above 0 and at most 100 (got -1)."),
        ("?lr=fast", "The learning rate must be a number above 0 and at most 100 (got 'fast')."),
        ("?epochs=99999999", "The epochs must be from 1 to 10000 (got 99999999)."),
        ("?hidden=5000", "Hidden layer 1 must have from 1 to 128 neurons (got '5000')."),
        ("?hidden=8,8,8,8,8", "At most 4 hidden layers (got 5)."),
        ("?seed=-3", "The seed must be a whole number from 0 to 4294967295 (got '-3')."),
        ("?data=images", "The data must be one of tutorial, varied, csv (got 'images')."),
        ("?data=varied&patch=4", "The patch size must be odd, from 3 to 31 (got 4)."),
        ("?data=csv", "Choose a CSV file to train on first"),
        ("?optimizer=lbfgs", "The optimizer must be one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw (got 'lbfgs')."),
        ("?optimizer=momentum&momentum=1", "The momentum μ must be in [0, 1) (got 1)."),
        ("?optimizer=adam&beta2=x", "The β2 must be a number from 0 to 1 (got 'x')."),
        ("?optimizer=adam&eps=0", "The ε must be above 0 and at most 1 (got 0)."),
        ("?weight-decay=-1", "The weight decay λ must be from 0 to 100 (got -1)."),
        ("?activation=softplus", "The hidden activation must be one of relu, leaky-relu, tanh, sigmoid (got 'softplus')."),
        ("?init=zeros", "The initial weights must be one of tutorial, he, xavier (got 'zeros')."),
    ];

    [ChromiumFact]
    public async Task Absurd_settings_in_the_url_get_a_message()
    {
        // Given: one tab that opens each bad link in turn (each load is a new session on the same server)
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url, wait: false);
        var wrong = new List<string>();

        // When / Then: each link gets its message
        foreach ((string query, string expected) in AbsurdSettings)
        {
            await tab.Page.GotoAsync(new Uri(playground.Url, "/" + query).AbsoluteUri);
            string shown = await tab.WaitForMessageAsync();
            if (!shown.Contains(expected, StringComparison.Ordinal))
            {
                wrong.Add($"{query}: expected '{expected}', shown '{shown}'");
            }
        }
        Assert.Empty(wrong);

        // and the same page still trains once the settings are fixed
        await tab.Page.GotoAsync(new Uri(playground.Url, "/?epochs=2&speed=0").AbsoluteUri);
        await tab.WaitForFrameAsync();
        await tab.Button("Epoch").ClickAsync();
        await tab.WaitAsync("document.body.dataset.epoch === '1'");
        tab.AssertClean();
    }

    [ChromiumFact]
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

    [ChromiumFact]
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

    private static readonly (string Text, bool Binary, int Size, string Expected)[] MalformedMessages =
    [
        ("this is not json", false, 0, "The page sent a message that is not JSON; it was ignored."),
        ("[1, 2, 3]", false, 0, "The page sent a message without a type; it was ignored."),
        ("{\"type\": \"format-disk\"}", false, 0, "The page sent a message of unknown type 'format-disk'; it was ignored."),
        ("{\"type\": \"probe\"}", false, 0, "Choose the settings first"),
        ("{\"type\": \"speed\", \"value\": 1e308}", false, 0, "'value' must be a number from 0 to 1000."),
        ("{\"type\": \"csv\", \"role\": \"train\", \"name\": \"../../etc/passwd\", \"text\": \"x\"}", false, 0, "passwd line 1: the label 'x' is not a whole number."),
        ("{\"type\": \"photo\", \"name\": \"a.png\", \"data\": \"@@@\"}", false, 0, "Choose the settings first"),
        ("", true, 0, "The server takes text (JSON) messages only."),
        ("", false, 8_000_000, "That message was over the playground's cap of"),
        ("{\"type\":\"settings\",\"settings\":{\"a\":[[[[[[[[[[1]]]]]]]]]]}}", false, 0, "The page sent a message that is not JSON; it was ignored."),
        ("{\"type\":\"settings\",\"settings\":{\"optimizer\":\"adam\",\"beta1\":[0.9]}}", false, 0, "'beta1' must be a single value."),
    ];

    [ChromiumFact]
    public async Task Malformed_socket_messages_get_a_message_and_the_session_still_answers()
    {
        // Given: one tab; each case opens its own socket (its own session) from it
        await using PlaygroundPage tab = await PlaygroundPage.OpenAsync(playground.Browser, playground.Url);
        var wrong = new List<string>();

        // When / Then: each message gets its error, and a good message after it is still answered
        foreach ((string text, bool binary, int size, string expected) in MalformedMessages)
        {
            RawSocket.Reply reply = await RawSocket.SendAsync(tab.Page, text, size, binary);
            if (!reply.Error.Contains(expected, StringComparison.Ordinal) || !reply.Alive)
            {
                wrong.Add($"{(size > 0 ? $"{size} bytes" : binary ? "binary" : text)}: expected '{expected}', got '{reply.Error}', answered afterwards: {reply.Alive}");
            }
        }
        Assert.Empty(wrong);
        await playground.Server.WaitForSessionsAsync((open, _) => open == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await PlaygroundFixture.StatusAsync(playground.Url)).Sessions);   // every case's socket closed its session
        tab.AssertClean();
    }
}
