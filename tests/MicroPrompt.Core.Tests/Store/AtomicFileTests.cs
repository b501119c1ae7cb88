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
