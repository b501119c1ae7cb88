using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
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
            return Failed(ResolvedCodeState.Unreadable, "", StoreMessages.CodeFileOutsideStore(entry.CodeFile, ResolvedStore.CodeFolderName, lockPath));
        }

        byte[] bytes;
        try
        {
            bytes = AtomicFile.ReadAllBytesShared(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(ResolvedCodeState.Missing, path, StoreMessages.CodeMissing(entry.CodeFile, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ResolvedCodeState.Unreadable, path, StoreMessages.CodeUnreadable(entry.CodeFile, e.Message, path));
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
                Problem = StoreMessages.CodeChanged(entry.CodeFile, path),
            };
        }

        return new ResolvedCode { State = ResolvedCodeState.Verified, FullPath = path, Content = content, ActualHash = actual, Bytes = bytes };
    }

    private static ResolvedCode Failed(ResolvedCodeState state, string path, MicroPromptDiagnostic problem) => new()
    {
        State = state,
        FullPath = path,
        Problem = problem,
    };
}
