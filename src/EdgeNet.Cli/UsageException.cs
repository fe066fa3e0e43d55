namespace EdgeNet.Cli;

/// <summary>The user asked for something that cannot be done: the message is the one line they see.</summary>
internal sealed class UsageException(string message) : Exception(message);
