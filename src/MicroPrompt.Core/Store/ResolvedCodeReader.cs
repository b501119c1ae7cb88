using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>Reads a lock entry's code file and verifies it against the entry's code hash (<see cref="ResolvedStore.ReadCode"/>).</summary>
internal static class ResolvedCodeReader
{
    /// <summary>Reads <paramref name="path"/> (null: the entry names no file under <c>code/</c>).</summary>
    public static ResolvedCode Read(LockEntry entry, string? path, string lockPath)
    {
        if (path is null)
        {
            return Failed(ResolvedCodeState.Unreadable, "", DiagnosticCodes.ResolvedCodeMissing,
                $"The lock entry's codeFile '{entry.CodeFile}' does not name a file under '{ResolvedStore.CodeFolderName}/'. "
                + "Restore lock.json, or run a build with -p:MicroPromptRegenerate=true to regenerate the item.", lockPath);
        }

        byte[] bytes;
        try
        {
            bytes = AtomicFile.ReadAllBytesShared(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(ResolvedCodeState.Missing, path, DiagnosticCodes.ResolvedCodeMissing,
                $"The resolved code '{entry.CodeFile}' listed in lock.json is missing. Restore it from source control "
                + "(it belongs beside lock.json), or run a build with -p:MicroPromptRegenerate=true to regenerate it.", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ResolvedCodeState.Unreadable, path, DiagnosticCodes.ResolvedCodeMissing,
                $"The resolved code '{entry.CodeFile}' could not be read ({e.Message}). Check the file's permissions, "
                + "or run a build with -p:MicroPromptRegenerate=true to regenerate it.", path);
        }

        var actual = ContentHash.Sha256Hex(bytes);
        var content = Encoding.UTF8.GetString(bytes);
        if (!string.Equals(actual, entry.CodeHash?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new ResolvedCode
            {
                State = ResolvedCodeState.Mismatch,
                FullPath = path,
                Content = content,
                ActualHash = actual,
                Problem = MicroPromptDiagnostic.Error(
                    DiagnosticCodes.ResolvedCodeTampered,
                    $"The resolved code '{entry.CodeFile}' does not match the hash recorded in lock.json: it was changed by hand. "
                    + "Change the .mprompt instead and run a build with -p:MicroPromptRegenerate=true to regenerate it, "
                    + "or restore the file from source control.",
                    path),
            };
        }

        return new ResolvedCode { State = ResolvedCodeState.Verified, FullPath = path, Content = content, ActualHash = actual, Bytes = bytes };
    }

    private static ResolvedCode Failed(ResolvedCodeState state, string path, string code, string message, string file) => new()
    {
        State = state,
        FullPath = path,
        Problem = MicroPromptDiagnostic.Error(code, message, file),
    };
}
