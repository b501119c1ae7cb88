using System.Buffers;
using System.Text;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

public class SegmentedBufferTests
{
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();

    private static SegmentedBuffer Filled(byte[] content, int piece)
    {
        var buffer = new SegmentedBuffer();
        for (var offset = 0; offset < content.Length; offset += piece)
        {
            buffer.Write(content.AsSpan(offset, Math.Min(piece, content.Length - offset)));
        }

        return buffer;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 3)]
    [InlineData(SegmentedBuffer.SegmentSize, 4096)]
    [InlineData(3 * SegmentedBuffer.SegmentSize + 17, 1000)]
    [InlineData(200_000, 150_000)] // a piece larger than a segment gets a segment of its own
    public void Pieces_of_any_size_come_out_in_order(int length, int piece)
    {
        var content = Pattern(length);
        using var buffer = Filled(content, piece);

        Assert.Equal(length, buffer.Length);
        Assert.Equal(content, buffer.ToArray());
        using var copy = new MemoryStream();
        buffer.WriteTo(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public void Segments_stay_below_the_large_object_threshold()
    {
        using var buffer = new SegmentedBuffer();
        for (var i = 0; i < 400; i++)
        {
            var span = buffer.GetSpan(1000);
            Assert.InRange(span.Length, 1000, 85_000 - 1);
            buffer.Advance(1000);
        }

        Assert.Equal(400_000, buffer.Length);
    }

    [Fact]
    public void Content_equals_only_the_same_bytes()
    {
        var content = Pattern(2 * SegmentedBuffer.SegmentSize + 5);
        using var buffer = Filled(content, 7000);

        Assert.True(buffer.ContentEquals(new MemoryStream(content)));
        Assert.False(buffer.ContentEquals(new MemoryStream(content[..^1])), "shorter");
        Assert.False(buffer.ContentEquals(new MemoryStream([.. content, 0])), "longer");
        var changed = content.ToArray();
        changed[SegmentedBuffer.SegmentSize + 3] ^= 1;
        Assert.False(buffer.ContentEquals(new MemoryStream(changed)), "one byte in the second segment");
        changed = content.ToArray();
        changed[^1] ^= 1;
        Assert.False(buffer.ContentEquals(new MemoryStream(changed)), "the last byte");
    }

    [Fact]
    public void Carriage_returns_can_be_dropped_across_segment_ends()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\r\n")) + "\r\rend\r";
        using var buffer = Filled(Encoding.UTF8.GetBytes(text), 9999);
        using var copy = new MemoryStream();

        buffer.WriteTo(copy, dropCarriageReturns: true);

        Assert.Equal(text.Replace("\r", "", StringComparison.Ordinal), Encoding.UTF8.GetString(copy.ToArray()));
    }

    [Fact]
    public void Advancing_past_what_was_handed_out_is_refused()
    {
        using var buffer = new SegmentedBuffer();
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(1));
        var handedOut = buffer.GetSpan(10).Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(handedOut + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }
}
