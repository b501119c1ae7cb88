using System.Runtime.InteropServices;
using MicroPrompt.Hashing;

namespace MicroPrompt.Resolution;

/// <summary>
/// A content-addressed copy of every <c>.g.cs</c> a build wrote, in the user cache (<c>&lt;cache&gt;/generated/&lt;sha256&gt;.g.cs</c>),
/// so that a build after <c>obj/</c> was deleted <em>links</em> each file back instead of creating it: a hard link is a
/// directory entry for an existing inode (~16 µs here), where a new file costs an inode allocation (0.03–0.6 ms on this
/// machine's ext4, and 1,000 of them are most of what a clean build adds over compiling the same code by hand). The
/// technique of pnpm's store and of MSBuild's <c>Copy UseHardlinksIfPossible</c>.
/// <para>
/// Nothing is trusted: a linked file is read back and compared byte for byte with the text the writer was about to
/// write; if it differs (the cached copy was edited in place through another of its links), both are removed and the
/// file is written as usual. Every failure — no cache entry, another file system, no permission, a platform without
/// <c>link(2)</c> (Windows) — falls back to writing the file, and any failure other than a missing entry turns linking
/// off for the rest of the run. Our own writes never write into an existing file (they replace it through a rename), so a
/// regenerated item gets a new inode and leaves the cached copy as it was. A linked file is dated now, as a written one
/// would be (all links of a file share its date, so another checkout's copy of the same file looks changed to its next
/// build, which then compiles once more than it needs to — never less).
/// </para>
/// </summary>
internal sealed class GeneratedFileLinks
{
    private const string FolderName = "generated";
    private const int NoEntry = 2; // ENOENT, Linux and macOS
    private const int Exists = 17; // EEXIST, Linux and macOS
    private readonly string _folder;
    private volatile bool _off;
    private int _folderReady;

    private GeneratedFileLinks(string folder) => _folder = folder;

    /// <summary>The links of a run, or null where there is no user cache or the platform has no hard links we call.</summary>
    public static GeneratedFileLinks? For(string? userCacheDirectory, bool enabled) =>
        enabled && userCacheDirectory is { Length: > 0 } && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            ? new GeneratedFileLinks(Path.Combine(Path.GetFullPath(userCacheDirectory), FolderName))
            : null;

    /// <summary>The cached copy of a file with these bytes.</summary>
    public string CachedPath(byte[] bytes) => Path.Combine(_folder, ContentHash.Sha256Hex(bytes) + ".g.cs");

    /// <summary>
    /// Links <paramref name="path"/> (which must not exist) to the cached copy of <paramref name="bytes"/> and checks
    /// that it reads back as those bytes. False when it did not (nothing is left at <paramref name="path"/> then),
    /// or when <paramref name="path"/> already exists.
    /// </summary>
    public bool TryLink(string path, string cached, byte[] bytes)
    {
        if (_off)
        {
            return false;
        }

        if (!Link(cached, path, out var error))
        {
            if (error is not (NoEntry or Exists))
            {
                _off = true; // another file system, a read-only cache, …: write files for the rest of the run
            }

            return false;
        }

        try
        {
            var linked = File.ReadAllBytes(path);
            if (linked.AsSpan().SequenceEqual(bytes))
            {
                // Dated now, like a file just written: CoreCompile must not take an old copy for its last input when
                // obj still holds an assembly compiled from other code (a .g.cs deleted by hand, then a prompt changed).
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // unreadable: treated as a copy that does not match
        }

        // The cached copy was changed in place: neither it nor the link is used.
        TryDelete(path);
        TryDelete(cached);
        return false;
    }

    /// <summary>Adds a file just written to the cache (a second link to it); a copy already there is left as it is.</summary>
    public void Keep(string path, string cached)
    {
        if (_off)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _folderReady, 1, 0) == 0)
        {
            try
            {
                Directory.CreateDirectory(_folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                _off = true;
                return;
            }
        }

        if (!Link(path, cached, out var error) && error is not Exists)
        {
            _off = true;
        }
    }

    private static bool Link(string existing, string created, out int error)
    {
        try
        {
            if (link(existing, created) == 0)
            {
                error = 0;
                return true;
            }

            error = Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            error = -1;
        }

        return false;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the caller writes the file next (replacing it atomically if it is still there)
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);
}
