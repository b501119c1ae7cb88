using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MicroPrompt.Store;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of bytes kept as pooled segments below the large-object threshold (85,000 bytes),
/// so a file's content of any size can be built, compared with what is on disk and written without one large array.
/// In MSBuild's process every large-object allocation counts towards the budget whose end is a blocking gen-2
/// collection (the plain build allocates none before it compiles); a report or an <c>inputs.json</c> built as one
/// string, its UTF-8 copy and the serializer's growing buffer used to be several of them (issue #15, seventh round).
/// </summary>
internal sealed class SegmentedBuffer : IBufferWriter<byte>, IDisposable
{
    /// <summary>The size of a segment: well below the large-object threshold, and one of the shared pool's sizes.</summary>
    internal const int SegmentSize = 64 * 1024;

    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[]? _current;
    private int _position;

    /// <summary>
    /// <paramref name="value"/> as JSON written with <paramref name="options"/>, then a line break (the end of every
    /// JSON file the SDK writes).
    /// </summary>
    public static SegmentedBuffer FromJson<T>(T value, JsonTypeInfo<T> typeInfo, JsonWriterOptions options)
    {
        var buffer = new SegmentedBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                JsonSerializer.Serialize(writer, value, typeInfo);
            }

            buffer.Write("\n"u8);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        if (count < 0 || _current is null || _position + count > _current.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _position += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_position);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_position);

    /// <summary>Writes the content to <paramref name="stream"/>, without its carriage returns when <paramref name="dropCarriageReturns"/>.</summary>
    public void WriteTo(Stream stream, bool dropCarriageReturns = false)
    {
        foreach (var (array, length) in Segments())
        {
            if (!dropCarriageReturns)
            {
                stream.Write(array, 0, length);
                continue;
            }

            var rest = array.AsSpan(0, length);
            for (var cr = rest.IndexOf((byte)'\r'); cr >= 0; cr = rest.IndexOf((byte)'\r'))
            {
                stream.Write(rest[..cr]);
                rest = rest[(cr + 1)..];
            }

            stream.Write(rest);
        }
    }

    /// <summary>True when <paramref name="stream"/> holds exactly these bytes, read in segment-sized pieces.</summary>
    public bool ContentEquals(Stream stream)
    {
        var other = ArrayPool<byte>.Shared.Rent(SegmentSize);
        try
        {
            foreach (var (array, length) in Segments())
            {
                for (var offset = 0; offset < length;)
                {
                    var read = stream.Read(other, 0, Math.Min(other.Length, length - offset));
                    if (read == 0 || !other.AsSpan(0, read).SequenceEqual(array.AsSpan(offset, read)))
                    {
                        return false;
                    }

                    offset += read;
                }
            }

            return stream.Read(other, 0, 1) == 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(other);
        }
    }

    /// <summary>The content as one array (tests and small contents only: this is the copy the type exists to avoid).</summary>
    public byte[] ToArray(bool dropCarriageReturns = false)
    {
        using var copy = new MemoryStream(checked((int)Length));
        WriteTo(copy, dropCarriageReturns);
        return copy.ToArray();
    }

    public void Dispose()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _full.Clear();
        _current = null;
        _position = 0;
        Length = 0;
    }

    private IEnumerable<(byte[] Array, int Length)> Segments()
    {
        foreach (var segment in _full)
        {
            yield return segment;
        }

        if (_current is not null && _position > 0)
        {
            yield return (_current, _position);
        }
    }

    private byte[] Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_current is not null && _current.Length - _position >= sizeHint)
        {
            return _current;
        }

        if (_current is not null && _position > 0)
        {
            _full.Add((_current, _position));
        }
        else if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current); // nothing written into it: not kept as an empty segment
        }

        // A single value larger than a segment (a long string) gets a segment of its own size.
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, sizeHint));
        _position = 0;
        return _current;
    }
}
