using EdgeNet.Cli;
using EdgeNet.IO;

// A closed standard output or error (`edgenet train >&-`) must not crash: what would go there goes nowhere. (A closed
// descriptor can be reused by the runtime for a file it opens read-only, so "open for writing" is what is checked.)
TextWriter output = OpenOrNull(1, () => Console.Out);
TextWriter error = OpenOrNull(2, () => Console.Error);
IReadOnlyList<IDisposable> interrupts = Interrupts.Install(error);
int code = EdgeNetCli.Run(args, output, error);
GC.KeepAlive(interrupts);
return code;

static TextWriter OpenOrNull(int descriptor, Func<TextWriter> open)
{
    try
    {
        return Writable(descriptor) ? open() : TextWriter.Null;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        return TextWriter.Null;
    }
}

// Linux: /proc/self/fdinfo/N says whether descriptor N is open, and its flags (the low two bits: 0 = read-only).
static bool Writable(int descriptor)
{
    if (!OperatingSystem.IsLinux())
    {
        return true;
    }
    string info = $"/proc/self/fdinfo/{descriptor}";
    if (FileStatus.Of(info).Kind == FileKind.Missing)
    {
        return FileStatus.Of("/proc/self/fdinfo").Kind == FileKind.Missing;   // no /proc: assume open
    }
    string? flags = File.ReadLines(info).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
    return flags is null || (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 3) != 0;
}
