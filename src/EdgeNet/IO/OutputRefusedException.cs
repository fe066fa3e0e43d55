namespace EdgeNet.IO;

/// <summary>A save that would replace something that is not a regular file (a device, a pipe, a folder): refused, nothing written.</summary>
public sealed class OutputRefusedException : IOException
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public OutputRefusedException(string message)
        : base(message)
    {
    }
}
