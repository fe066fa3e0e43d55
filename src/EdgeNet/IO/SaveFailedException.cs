namespace EdgeNet.IO;

/// <summary>A save that could not finish (a full disk, a file-size limit, its folder moved away); its temporary file is gone and the target untouched.</summary>
internal sealed class SaveFailedException(string message, Exception? inner = null) : IOException(message, inner);
