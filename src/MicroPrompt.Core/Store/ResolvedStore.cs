using System.Diagnostics;
using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Hashing;

namespace MicroPrompt.Store;

/// <summary>
/// The project's resolved state (<c>MicroPromptStore</c>, default <c>&lt;project&gt;/.microprompt</c>), meant to be
/// committed: <c>lock.json</c> (version 2, one entry per line, merged by git's union driver) plus code files at stable
/// paths mirroring the prompts, <c>code/&lt;item path without .mprompt&gt;.cs</c>, so a regeneration is a diff in a pull
/// request. Version 1 locks (content-addressed <c>code/Text/Slug.632f5e36d3ae.cs</c>) are read as they are. Code is
/// verified against its hash on every read. See docs/lock-format.md.
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

    /// <summary>
    /// Written by <see cref="AcquireLock"/> when the store has none: git merges <c>lock.json</c> with its built-in
    /// <c>union</c> driver (no configuration needed), and never converts line endings of the hashed files.
    /// </summary>
    public const string GitAttributesContent = "# Written by MicroPrompt.Sdk: one lock entry per line, merged line by line (docs/lock-format.md).\n"
        + LockFileName + " merge=union -text\n" + CodeFolderName + "/** -text\n";

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

    /// <summary>
    /// Reads <c>lock.json</c> (version 1 or 2); a missing file is an empty lock. Never writes: a loaded version 1 lock
    /// keeps <see cref="LockFile.Version"/> 1 until <see cref="SaveLock"/>. A lock a git union merge combined is
    /// reconciled (<see cref="LockFile.Reconciled"/>): an item listed twice keeps the entry whose code file verifies,
    /// else the newest.
    /// </summary>
    /// <exception cref="MicroPromptException">MP4001: unreadable or invalid; MP4002: a lock format this SDK does not read.</exception>
    public LockFile LoadLock()
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(LockPath))
            {
                return new LockFile();
            }

            bytes = AtomicFile.ReadAllBytesShared(LockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LockFileFormat.Unreadable(LockPath, $"could not be read ({e.Message})", e);
        }

        return LockFileFormat.Parse(bytes, LockPath, entry => ReadCode(entry).IsVerified);
    }

    /// <summary>
    /// Reads an entry's code file (<see cref="LockEntry.CodeFile"/>, a version 1 or 2 name) and verifies it: the SHA-256
    /// of the file's exact bytes must equal <see cref="LockEntry.CodeHash"/>. On a mismatch the result still carries the
    /// file's content and hash (for telling a hand edit from an interrupted write), never as verified code.
    /// </summary>
    public ResolvedCode ReadCode(LockEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = string.IsNullOrWhiteSpace(entry.CodeFile) ? "" : GetFullPath(entry.CodeFile);
        return ResolvedCodeReader.Read(entry, path.Length > 0 && IsInCodeFolder(path) ? path : null, LockPath);
    }

    /// <summary>
    /// Reads and verifies an entry's code (see <see cref="ReadCode"/>). Never returns code that does not match.
    /// </summary>
    /// <returns><see langword="true"/> with the code; otherwise <see langword="false"/> with MP4003 (missing) or MP4004 (changed by hand).</returns>
    public bool TryReadCode(LockEntry entry, out string code, out MicroPromptDiagnostic? problem)
    {
        var read = ReadCode(entry);
        code = read.Code;
        problem = read.Problem;
        return read.IsVerified;
    }

    /// <summary>The stable code file of an item (version 2), relative to the store: <c>code/Text/Slug.cs</c> for <c>Text/Slug.mprompt</c>.</summary>
    public static string CodeFileFor(string itemPath)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        return CodeFileNames.For(itemPath);
    }

    /// <summary>
    /// True when an entry still has the version 1 shape: its code file is not the item's stable path, or it records no
    /// <see cref="LockEntry.Inputs"/> or <see cref="LockEntry.Origin"/>. <see cref="MigrateEntry"/> turns it into a version 2 entry.
    /// </summary>
    public static bool NeedsMigration(string itemPath, LockEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !string.Equals(entry.CodeFile?.Replace('\\', '/'), CodeFileFor(itemPath), StringComparison.Ordinal)
            || entry.Inputs is null
            || entry.Origin is null;
    }

    /// <summary>
    /// Writes an item's resolved code (UTF-8, no BOM; atomically, only if absent or different) at its stable path and
    /// returns its <see cref="LockEntry.CodeFile"/>, e.g. <c>code/Text/Slug.cs</c>. The entry's
    /// <see cref="LockEntry.CodeHash"/> is <see cref="ContentHash.Sha256Hex(string)"/> of the same code. Write the code
    /// before the lock that names it (<see cref="SaveLock"/>), under <see cref="AcquireLock"/>.
    /// </summary>
    /// <exception cref="MicroPromptException">MP4006: the file could not be written.</exception>
    public string WriteCode(string itemPath, string code)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        ArgumentNullException.ThrowIfNull(code);
        var codeFile = CodeFileNames.For(itemPath);
        var path = GetFullPath(codeFile);
        WriteOrThrow(path, () => AtomicFile.WriteAllTextIfChanged(path, code));
        return codeFile;
    }

    /// <summary>
    /// Moves a version 1 entry to version 2 without generating: copies its verified code, byte for byte, to the item's
    /// stable path and returns a new entry with that <see cref="LockEntry.CodeFile"/>, <see cref="LockEntry.Origin"/>
    /// <c>migrated</c> and <paramref name="inputs"/>; key, hashes, usage, grade and dates are unchanged. The old file
    /// stays until <see cref="RemoveUnreferencedCode"/> runs after the lock is saved.
    /// </summary>
    /// <exception cref="MicroPromptException">MP4003/MP4004: the entry's code does not verify (regenerate instead); MP4006: cannot write.</exception>
    public LockEntry MigrateEntry(string itemPath, LockEntry entry, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        ArgumentNullException.ThrowIfNull(inputs);
        var read = ReadCode(entry);
        if (!read.IsVerified)
        {
            throw new MicroPromptException(read.Problem!);
        }

        var codeFile = CodeFileNames.For(itemPath);
        var path = GetFullPath(codeFile);
        WriteOrThrow(path, () => AtomicFile.WriteAllBytesIfChanged(path, read.Bytes!));
        return entry with
        {
            CodeFile = codeFile,
            Origin = LockOrigins.Migrated,
            Inputs = new SortedDictionary<string, string>(inputs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Writes <c>lock.json</c> as version 2, deterministically (items sorted ordinally, one compact entry per line,
    /// camelCase, no nulls, UTC ISO dates, LF line breaks), atomically and only when its content changed.
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
            throw new MicroPromptException(StoreMessages.StoreCleanupFailed(e.Message, CodeDirectory), e);
        }

        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    /// <summary>
    /// Takes the store's cross-process lock (<c>lock.json.lock</c> opened with <see cref="FileShare.None"/>), retrying
    /// until <paramref name="timeout"/>. Dispose the result to release it. Not re-entrant. The guard file stays in place;
    /// a <c>.gitignore</c> (<see cref="GitIgnoreContent"/>) and a <c>.gitattributes</c> (<see cref="GitAttributesContent"/>)
    /// are written beside it when the store has none.
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

            var gitAttributes = Path.Combine(Directory, ".gitattributes");
            if (!File.Exists(gitAttributes))
            {
                AtomicFile.WriteAllText(gitAttributes, GitAttributesContent);
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
                throw new MicroPromptException(StoreMessages.StoreLockTimeout(timeout, path), e);
            }
        }
    }

    internal static string Serialize(LockFile lockFile) => LockFileFormat.Serialize(lockFile);

    private bool IsInCodeFolder(string fullPath)
    {
        var root = CodeDirectory + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    private static MicroPromptException WriteFailed(string path, Exception e) => new(StoreMessages.StoreWriteFailed(e.Message, path), e);

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
}
