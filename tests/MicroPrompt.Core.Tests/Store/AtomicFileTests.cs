using System.Buffers;
using System.Text;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

public class AtomicFileTests
{
    private static readonly DateTime OldTime = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void WriteAllText_creates_folders_writes_utf8_without_bom_and_leaves_no_temp_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("a", "b", "file.txt");

        AtomicFile.WriteAllText(path, "héllo\n");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal(Encoding.UTF8.GetBytes("second"), File.ReadAllBytes(path));
        Assert.Equal([path], temp.AllFiles());
        AtomicFile.WriteAllText(path, "é");
        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failed_write_leaves_no_temp_file_and_throws()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("target");
        Directory.CreateDirectory(target); // a folder where the file should go: the final move fails
        File.WriteAllText(temp.Combine("target", "inside.txt"), "keep");

        Assert.ThrowsAny<Exception>(() => AtomicFile.WriteAllText(target, "text"));

        Assert.True(Directory.Exists(target));
        Assert.Equal([temp.Combine("target", "inside.txt")], temp.AllFiles());
    }

    [Fact]
    public void WriteAllTextIfChanged_keeps_the_timestamp_when_equal()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("x.cs");
        Assert.True(AtomicFile.WriteAllTextIfChanged(path, "class A {}\n"));
        File.SetLastWriteTimeUtc(path, OldTime);

        Assert.False(AtomicFile.WriteAllTextIfChanged(path, "class A {}\n"));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(path));

        Assert.True(AtomicFile.WriteAllTextIfChanged(path, "class B {}\n"));
        Assert.Equal("class B {}\n", File.ReadAllText(path));
        Assert.NotEqual(OldTime, File.GetLastWriteTimeUtc(path));
        Assert.Single(temp.AllFiles());
    }

    [Fact]
    public void WriteIfChanged_compares_segment_by_segment_and_keeps_the_timestamp_when_equal()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("obj", "inputs.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = Enumerable.Range(0, 3 * SegmentedBuffer.SegmentSize + 11).Select(i => (byte)('a' + i % 26)).ToArray();
        using var buffer = new SegmentedBuffer();
        buffer.Write(content);

        Assert.True(AtomicFile.WriteIfChanged(path, buffer));
        Assert.Equal(content, File.ReadAllBytes(path));
        File.SetLastWriteTimeUtc(path, OldTime);

        Assert.False(AtomicFile.WriteIfChanged(path, buffer, durable: false));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(path));

        var changed = content.ToArray();
        changed[2 * SegmentedBuffer.SegmentSize + 1] = (byte)'!'; // same length, one byte in the third segment
        File.WriteAllBytes(path, changed);
        File.SetLastWriteTimeUtc(path, OldTime);
        Assert.True(AtomicFile.WriteIfChanged(path, buffer, durable: false));
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.NotEqual(OldTime, File.GetLastWriteTimeUtc(path));
        Assert.Single(temp.AllFiles());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_500)]
    [InlineData(300_000)]
    public void ReadAllBytesShared_reads_the_whole_file_while_a_writer_holds_it_open(int length)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("code.g.cs");
        var content = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
        File.WriteAllBytes(path, content);
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);

        Assert.Equal(content, AtomicFile.ReadAllBytesShared(path));
    }

    [Fact]
    public void ReadAllBytesShared_reads_past_the_length_a_file_system_reports()
    {
        // /proc reports a length of 0 for files that have content: the read goes on to the actual end.
        if (!OperatingSystem.IsLinux())
        {
            return; // Linux's /proc only
        }

        Assert.Equal(0, new FileInfo("/proc/self/status").Length);

        var text = Encoding.UTF8.GetString(AtomicFile.ReadAllBytesShared("/proc/self/status"));

        Assert.StartsWith("Name:", text, StringComparison.Ordinal);
        Assert.Contains("\nPid:", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_writer_that_throws_leaves_the_target_as_it_was_and_no_temp_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("report.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of a new "u8);
            throw new InvalidOperationException("renderer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], temp.AllFiles());
    }

    [Fact]
    public void WriteAllTextIfChanged_rewrites_a_file_that_differs_only_by_a_bom()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("x.cs");
        File.WriteAllText(path, "class A {}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.True(AtomicFile.WriteAllTextIfChanged(path, "class A {}"));
        Assert.Equal(Encoding.UTF8.GetBytes("class A {}"), File.ReadAllBytes(path));
    }

    [Fact]
    public void Concurrent_writers_never_leave_a_torn_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("shared.txt");
        var contents = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 50_000 + i)).ToArray();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            AtomicFile.WriteAllText(path, contents[i % contents.Length]);
            var seen = File.ReadAllText(path);
            Assert.Contains(seen, contents);
        });

        Assert.Contains(File.ReadAllText(path), contents);
        Assert.Single(temp.AllFiles());
    }
}
