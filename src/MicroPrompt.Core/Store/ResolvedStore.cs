using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>
/// The project's resolved state (<c>MicroPromptStore</c>, default <c>&lt;project&gt;/.microprompt</c>), meant to be
/// committed: <c>lock.json</c> plus content-addressed code files <c>code/&lt;item path without .mprompt&gt;.&lt;first 12 hex
/// of the code hash&gt;.cs</c>, readable in a pull request. Code is verified against its hash on every read.
/// </summary>
/// <remarks>
/// Every write is atomic (<see cref="AtomicFile"/>), so a reader never sees a torn file. To serialize whole
/// read-modify-write cycles between builds, hold <see cref="AcquireLock"/> around them. Failures a user can cause are
/// thrown as <see cref="MicroPromptException"/> with an MP4xxx diagnostic.
/// </remarks>
public sealed class ResolvedStore
{
    /// <summary>The lock file's name inside the store folder.</summary>
    public const string LockFileName = "lock.json";

    /// <summary>The folder (inside the store) holding resolved code.</summary>
    public const string CodeFolderName = "code";

    /// <summary>The name of the file held open by <see cref="AcquireLock"/>; safe to ignore in source control.</summary>
    public const string LockGuardFileName = LockFileName + ".lock";

    /// <summary>Written by <see cref="AcquireLock"/> when the store has none, so the lock guard and temporary files are not committed.</summary>
    public const string GitIgnoreContent = "# Written by MicroPrompt.Sdk: commit lock.json and code/, not these.\n" + LockGuardFileName + "\n.*.tmp\n";

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>Creates a store over <paramref name="directory"/> (created on the first write).</summary>
    public ResolvedStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        LockPath = Path.Combine(Directory, LockFileName);
    }

    /// <summary>The store folder (full path).</summary>
    public string Directory { get; }

    /// <summary>The full path of <c>lock.json</c>.</summary>
    public string LockPath { get; }

    private string CodeDirectory => Path.Combine(Directory, CodeFolderName);

    /// <summary>The default store folder of a project: <c>&lt;project&gt;/.microprompt</c>.</summary>
    public static string DefaultDirectory(string projectDirectory) => Path.Combine(projectDirectory, ".microprompt");

    /// <summary>The full path of a lock entry's code file (<see cref="LockEntry.CodeFile"/> is relative to the store).</summary>
    public string GetFullPath(string codeFile) => Path.GetFullPath(Path.Combine(Directory, codeFile.Replace('\\', '/')));

    /// <summary>Reads <c>lock.json</c>; a missing file is an empty lock.</summary>
    /// <exception cref="MicroPromptException">MP4001: unreadable or invalid; MP4002: a lock format this SDK does not read.</exception>
    public LockFile LoadLock()
    {
        string text;
        try
        {
            if (!File.Exists(LockPath))
            {
                return new LockFile();
            }

            text = Encoding.UTF8.GetString(AtomicFile.ReadAllBytesShared(LockPath)).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LockUnreadable($"could not be read ({e.Message})", e);
        }

        try
        {
            CheckVersion(text);
            var lockFile = StoreJson.Deserialize<LockFile>(text) ?? throw LockUnreadable("is empty (null)");
            return Validated(lockFile);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : 0;
            var column = e.BytePositionInLine is { } c ? (int)c + 1 : 0;
            throw new MicroPromptException(
                MicroPromptDiagnostic.Error(
                    DiagnosticCodes.LockUnreadable,
                    $"The MicroPrompt lock file is not valid JSON ({FirstSentence(e.Message)}). Fix the merge conflict or edit, "
                    + "or delete it and build again to regenerate every item.",
                    LockPath,
                    line,
                    column),
                e);
        }
    }

    /// <summary>
    /// Reads and verifies an entry's code: the SHA-256 of the file's exact bytes must equal <see cref="LockEntry.CodeHash"/>.
    /// Never returns code that does not match.
    /// </summary>
    /// <returns><see langword="true"/> with the code; otherwise <see langword="false"/> with MP4003 (missing) or MP4004 (changed by hand).</returns>
    public bool TryReadCode(LockEntry entry, out string code, out MicroPromptDiagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(entry);
        code = "";
        problem = null;
        if (string.IsNullOrWhiteSpace(entry.CodeFile) || !IsInCodeFolder(GetFullPath(entry.CodeFile)))
        {
            problem = MicroPromptDiagnostic.Error(
                DiagnosticCodes.ResolvedCodeMissing,
                $"The lock entry's codeFile '{entry.CodeFile}' does not name a file under '{CodeFolderName}/'. "
                + "Restore lock.json, or run a build with -p:MicroPromptRegenerate=true to regenerate the item.",
                LockPath);
            return false;
        }

        var path = GetFullPath(entry.CodeFile);
        byte[] bytes;
        try
        {
            bytes = AtomicFile.ReadAllBytesShared(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = MicroPromptDiagnostic.Error(
                DiagnosticCodes.ResolvedCodeMissing,
                $"The resolved code '{entry.CodeFile}' listed in lock.json is missing. Restore it from source control "
                + "(it belongs beside lock.json), or run a build with -p:MicroPromptRegenerate=true to regenerate it.",
                path);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = MicroPromptDiagnostic.Error(
                DiagnosticCodes.ResolvedCodeMissing,
                $"The resolved code '{entry.CodeFile}' could not be read ({e.Message}). Check the file's permissions, "
                + "or run a build with -p:MicroPromptRegenerate=true to regenerate it.",
                path);
            return false;
        }

        var actual = ContentHash.Sha256Hex(bytes);
        if (!string.Equals(actual, entry.CodeHash?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problem = MicroPromptDiagnostic.Error(
                DiagnosticCodes.ResolvedCodeTampered,
                $"The resolved code '{entry.CodeFile}' does not match the hash recorded in lock.json: it was changed by hand. "
                + "Change the .mprompt instead and run a build with -p:MicroPromptRegenerate=true to regenerate it, "
                + "or restore the file from source control.",
                path);
            return false;
        }

        code = Encoding.UTF8.GetString(bytes);
        return true;
    }

    /// <summary>
    /// Writes an item's resolved code (UTF-8, no BOM; only if absent or different) and returns its
    /// <see cref="LockEntry.CodeFile"/>, e.g. <c>code/Text/Slug.3fa2c1d9e0b4.cs</c>. The entry's
    /// <see cref="LockEntry.CodeHash"/> is <see cref="ContentHash.Sha256Hex(string)"/> of the same code.
    /// </summary>
    /// <exception cref="MicroPromptException">MP4006: the file could not be written.</exception>
    public string WriteCode(string itemPath, string code)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        ArgumentNullException.ThrowIfNull(code);
        var codeFile = CodeFileNames.For(itemPath, ContentHash.Sha256Hex(code));
        var path = GetFullPath(codeFile);
        WriteOrThrow(path, () => AtomicFile.WriteAllTextIfChanged(path, code));
        return codeFile;
    }

    /// <summary>
    /// Writes <c>lock.json</c> deterministically (indented, camelCase, items sorted ordinally, no nulls, UTC ISO dates,
    /// LF line breaks), atomically and only when its content changed.
    /// </summary>
    /// <returns><see langword="true"/> when the file was written.</returns>
    /// <exception cref="MicroPromptException">MP4006: the file could not be written.</exception>
    public bool SaveLock(LockFile lockFile)
    {
        var json = Serialize(lockFile);
        return WriteOrThrow(LockPath, () => AtomicFile.WriteAllTextIfChanged(LockPath, json));
    }

    /// <summary>Deletes <c>*.cs</c> files under <c>code/</c> that no entry of <paramref name="lockFile"/> references, then empty folders.</summary>
    /// <returns>The removed files, relative to the store, '/' separated.</returns>
    public IReadOnlyList<string> RemoveUnreferencedCode(LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        if (!System.IO.Directory.Exists(CodeDirectory))
        {
            return [];
        }

        // Case-insensitive on purpose: keeping an orphan is harmless, deleting referenced code is not.
        var referenced = new HashSet<string>(
            lockFile.Items.Values.Where(e => !string.IsNullOrWhiteSpace(e?.CodeFile)).Select(e => GetFullPath(e.CodeFile)),
            StringComparer.OrdinalIgnoreCase);
        var removed = new List<string>();
        try
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(CodeDirectory, "*.cs", SearchOption.AllDirectories).ToList())
            {
                if (!referenced.Contains(Path.GetFullPath(file)))
                {
                    File.Delete(file);
                    removed.Add(Path.GetRelativePath(Directory, file).Replace('\\', '/'));
                }
            }

            foreach (var folder in System.IO.Directory.EnumerateDirectories(CodeDirectory, "*", SearchOption.AllDirectories)
                         .OrderByDescending(d => d.Length).ToList())
            {
                if (!System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    System.IO.Directory.Delete(folder);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MicroPromptException(
                MicroPromptDiagnostic.Error(
                    DiagnosticCodes.StoreWriteFailed,
                    $"Could not remove unreferenced code from the MicroPrompt store ({e.Message}). Check the folder's permissions.",
                    CodeDirectory),
                e);
        }

        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    /// <summary>
    /// Takes the store's cross-process lock (<c>lock.json.lock</c> opened with <see cref="FileShare.None"/>), retrying
    /// until <paramref name="timeout"/>. Dispose the result to release it. Not re-entrant. The guard file stays in place;
    /// a <c>.gitignore</c> (<see cref="GitIgnoreContent"/>) is written beside it when the store has none.
    /// </summary>
    /// <exception cref="MicroPromptException">MP4007: still held by someone else after the timeout; MP4006: cannot be created.</exception>
    public IDisposable AcquireLock(TimeSpan timeout)
    {
        var path = Path.Combine(Directory, LockGuardFileName);
        var clock = Stopwatch.StartNew();
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var gitIgnore = Path.Combine(Directory, ".gitignore");
            if (!File.Exists(gitIgnore))
            {
                AtomicFile.WriteAllText(gitIgnore, GitIgnoreContent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(Directory, e);
        }

        while (true)
        {
            try
            {
                return new StoreLockHandle(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw WriteFailed(path, e);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                Thread.Sleep(LockRetryDelay);
            }
            catch (IOException e)
            {
                throw new MicroPromptException(
                    MicroPromptDiagnostic.Error(
                        DiagnosticCodes.StoreLockTimeout,
                        $"Another build held the MicroPrompt store lock for more than {timeout.TotalSeconds:0.#} s. "
                        + "Wait for the other build of this project to finish, then build again.",
                        path),
                    e);
            }
        }
    }

    internal static string Serialize(LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        var sorted = new LockFile
        {
            Version = lockFile.Version,
            Items = new SortedDictionary<string, LockEntry>(
                (IDictionary<string, LockEntry>?)lockFile.Items ?? new Dictionary<string, LockEntry>(), StringComparer.Ordinal),
        };
        return StoreJson.Serialize(sorted);
    }

    private bool IsInCodeFolder(string fullPath)
    {
        var root = CodeDirectory + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    private void CheckVersion(string text)
    {
        using var document = JsonDocument.Parse(
            text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw LockUnreadable("is not a JSON object");
        }

        var version = document.RootElement.EnumerateObject()
            .FirstOrDefault(p => string.Equals(p.Name, "version", StringComparison.OrdinalIgnoreCase));
        if (version.Value.ValueKind == JsonValueKind.Undefined)
        {
            throw LockUnreadable("has no \"version\"");
        }

        if (version.Value.ValueKind != JsonValueKind.Number || !version.Value.TryGetInt32(out var number) || number != LockFile.CurrentVersion)
        {
            var shown = version.Value.GetRawText();
            var advice = version.Value.ValueKind == JsonValueKind.Number && version.Value.TryGetInt32(out var n) && n > LockFile.CurrentVersion
                ? "It was written by a newer MicroPrompt.Sdk: upgrade the SDK version of this project."
                : "Restore lock.json from source control, or delete it and build again to regenerate every item.";
            throw new MicroPromptException(MicroPromptDiagnostic.Error(
                DiagnosticCodes.LockVersionUnsupported,
                $"The MicroPrompt lock file has version {shown}; this SDK reads version {LockFile.CurrentVersion}. {advice}",
                LockPath));
        }
    }

    private LockFile Validated(LockFile lockFile)
    {
        var items = new SortedDictionary<string, LockEntry>(StringComparer.Ordinal);
        foreach (var (item, entry) in (IDictionary<string, LockEntry>?)lockFile.Items ?? new Dictionary<string, LockEntry>())
        {
            if (entry is null)
            {
                throw LockUnreadable($"has an empty entry for '{item}'");
            }

            entry.PromptHash ??= "";
            entry.Model ??= "";
            entry.Key ??= "";
            entry.CodeHash ??= "";
            entry.CodeFile ??= "";
            entry.GeneratorVersion ??= "";
            entry.Usage ??= new LockUsage();
            items[item] = entry;
        }

        lockFile.Items = items;
        return lockFile;
    }

    private MicroPromptException LockUnreadable(string what, Exception? inner = null) => new(
        MicroPromptDiagnostic.Error(
            DiagnosticCodes.LockUnreadable,
            $"The MicroPrompt lock file {what}. Restore it from source control, or delete it and build again to regenerate every item.",
            LockPath),
        inner);

    private static MicroPromptException WriteFailed(string path, Exception e) => new(
        MicroPromptDiagnostic.Error(
            DiagnosticCodes.StoreWriteFailed,
            $"Could not write to the MicroPrompt store ({e.Message}). Check that the folder is writable, or set MicroPromptStore to another folder.",
            path),
        e);

    private static bool WriteOrThrow(string path, Func<bool> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(path, e);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
