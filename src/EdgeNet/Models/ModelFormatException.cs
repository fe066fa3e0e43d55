namespace EdgeNet.Models;

/// <summary>A model file that cannot be trusted: the message says in one line what is wrong.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public ModelFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
