namespace EdgeNet.Playground;

/// <summary>Something the page sent cannot be used; the message is shown on the page as it is.</summary>
internal sealed class PlaygroundInputException(string message) : Exception(message);
