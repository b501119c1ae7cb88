using System.Text;

namespace MicroPrompt.Store;

/// <summary>
/// Writes files so that readers only ever see the old or the new content: the text goes to a unique temporary file in
/// the same folder, is flushed to disk and then moved over the target. Text is written as UTF-8 without a BOM.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically, creating missing folders.</summary>
    /// <exception cref="IOException">The file could not be written; the target is left as it was and no temporary file remains.</exception>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes atomically; <paramref name="durable"/> false skips the flush to disk (outputs every build rewrites).</summary>
    public static void WriteAllText(string path, string text, bool durable) => WriteAllBytes(path, Utf8NoBom.GetBytes(text), durable);

    /// <summary>
    /// Writes <paramref name="text"/> only when the file is missing or its bytes differ, so an unchanged file keeps its
    /// timestamp (and incremental builds stay incremental).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="text">Its content.</param>
    /// <param name="durable">
    /// Flush to disk before the rename (default). Build outputs that are regenerated anyway (obj) pass false: still
    /// atomic, without paying one fsync per file.
    /// </param>
    /// <returns><see langword="true"/> when the file was written.</returns>
    public static bool WriteAllTextIfChanged(string path, string text, bool durable = true) =>
        WriteAllBytesIfChanged(path, Utf8NoBom.GetBytes(text), durable);

    /// <summary>Writes exact bytes atomically, only when the file is missing or differs (see <see cref="WriteAllTextIfChanged"/>).</summary>
    internal static bool WriteAllBytesIfChanged(string path, byte[] bytes, bool durable = true)
    {
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == bytes.Length && ReadAllBytesShared(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        WriteAllBytes(path, bytes, durable);
        return true;
    }

    /// <summary>Reads a file while letting other processes replace or delete it meanwhile (no sharing violation for writers).</summary>
    /// <remarks>
    /// Through the file's handle into one array of its length: no <see cref="FileStream"/> with a buffer of its own and
    /// no copy out of a <see cref="MemoryStream"/> (a build reads every code file this way: at 1,000 items 2 MB of the
    /// 40 MB the task allocated, issue #15). A file that grows or shrinks meanwhile is read to its actual end.
    /// </remarks>
    internal static byte[] ReadAllBytesShared(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        var bytes = new byte[length <= Array.MaxLength ? length : throw new IOException($"'{path}' is larger than 2 GB.")];
        var read = ReadInto(handle, bytes, 0);
        Span<byte> probe = stackalloc byte[1];
        if (read < bytes.Length || RandomAccess.Read(handle, probe, read) == 0)
        {
            return read < bytes.Length ? bytes[..read] : bytes;
        }

        // Longer than its length said (it grew, or a file system that reports no length): the rest in pieces.
        using var copy = new MemoryStream();
        copy.Write(bytes);
        copy.Write(probe);
        var piece = new byte[81_920 - 1];
        for (long offset = read + 1, n; (n = ReadInto(handle, piece, offset)) > 0; offset += n)
        {
            copy.Write(piece, 0, (int)n);
        }

        return copy.ToArray();
    }

    private static int ReadInto(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset)
    {
        var read = 0;
        for (int n; read < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(read), offset + read)) > 0;)
        {
            read += n;
        }

        return read;
    }

    internal static void WriteAllBytes(string path, byte[] bytes, bool durable = true) =>
        Write(path, stream => stream.Write(bytes), durable);

    /// <summary>
    /// Writes <paramref name="content"/> only when the file is missing or its bytes differ (compared piece by piece,
    /// never read whole), see <see cref="WriteAllTextIfChanged"/>.
    /// </summary>
    internal static bool WriteIfChanged(string path, SegmentedBuffer content, bool durable = true)
    {
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == content.Length)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (content.ContentEquals(stream))
            {
                return false;
            }
        }

        Write(path, stream => content.WriteTo(stream), durable);
        return true;
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream atomically: into a temporary file of the same folder,
    /// flushed (to disk when <paramref name="durable"/>), then moved over the target; on any failure the target is left
    /// as it was and the temporary file is deleted.
    /// </summary>
    internal static void Write(string path, Action<Stream> write, bool durable = true)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"'{path}' has no folder.");
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // No FileStream buffer: every writer passes pieces of its own (bytes, pooled segments, a StreamWriter's buffer).
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            MoveOver(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Renames over the target. On Linux and macOS this is atomic and never conflicts; on Windows it fails while another
    /// process has the target open without delete sharing, so it retries briefly before giving up.
    /// </summary>
    private static void MoveOver(string temp, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                File.Move(temp, target, overwrite: true);
                return;
            }
            catch (Exception e) when (attempt < 20 && (e is IOException or UnauthorizedAccessException) && !Directory.Exists(target))
            {
                Thread.Sleep(Math.Min(5 * attempt, 50));
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is the one worth reporting.
        }
    }
}
