using System.Runtime.InteropServices;

namespace EdgeNet.IO;

/// <summary>
/// The last step of a save: the temporary file renamed onto the target's name. rename(2) replaces the name itself
/// (never what a link there points to); where the target was absent when checked, Linux's
/// <c>renameat2(RENAME_NOREPLACE)</c> makes the rename fail rather than replace anything that appeared since.
/// </summary>
internal static partial class FileRename
{
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const int EExist = 17, EInval = 22, ENoSys = 38;
    private static bool s_noRenameat2 = !OperatingSystem.IsLinux();

    /// <summary>
    /// Renames <paramref name="source"/> to <paramref name="target"/>; with <paramref name="replace"/> false, returns
    /// false (and renames nothing) when something is at <paramref name="target"/> by then.
    /// </summary>
    public static bool Move(string source, string target, bool replace)
    {
        if (!replace && !s_noRenameat2)
        {
            try
            {
                if (Renameat2(AtFdCwd, source, AtFdCwd, target, RenameNoReplace) == 0)
                {
                    return true;
                }
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EExist)
                {
                    return false;
                }
                if (errno is not (EInval or ENoSys))                 // a file system without RENAME_NOREPLACE: plain rename below
                {
                    throw new IOException($"cannot rename the temporary file onto {UserText.Quote(target)} (error {errno}).");
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_noRenameat2 = true;
            }
        }
        File.Move(source, target, overwrite: true);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Renameat2(int sourceFolder, string source, int targetFolder, string target, uint flags);
}
