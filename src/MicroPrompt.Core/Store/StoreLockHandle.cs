namespace MicroPrompt.Store;

/// <summary>
/// Holds <c>lock.json.lock</c> open with <see cref="FileShare.None"/> (an OS-level lock, released when the process
/// dies). The file itself is left in place: deleting it on release would let two processes each lock a different file.
/// </summary>
internal sealed class StoreLockHandle : IDisposable
{
    private FileStream? _stream;

    public StoreLockHandle(FileStream stream) => _stream = stream;

    public void Dispose() => Interlocked.Exchange(ref _stream, null)?.Dispose();
}
