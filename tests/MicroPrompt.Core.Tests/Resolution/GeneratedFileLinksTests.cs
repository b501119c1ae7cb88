using System.Diagnostics;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>
/// <see cref="GeneratedFileLinks"/>: a build after obj was deleted links each <c>.g.cs</c> from the user cache's
/// content-addressed copy instead of creating it — same bytes as a written file, and a copy that no longer holds those
/// bytes is never used.
/// </summary>
public sealed class GeneratedFileLinksTests : IDisposable
{
    private const string Code = "public static class A { }\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-glinks-" + Guid.NewGuid().ToString("N")[..8]);

    private string Obj => Path.Combine(_root, "obj");

    private string Cache => Path.Combine(_root, "cache");

    private string CachedFolder => Path.Combine(Cache, "generated");

    private GeneratedFileWriter Writer(bool links = true) =>
        new(Obj, "enable", GeneratedFileLinks.For(Cache, links));

    [Fact]
    public void A_file_written_once_is_linked_back_after_obj_is_deleted_with_the_same_bytes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // link(2) is called on Unix only; elsewhere the writer writes, as the other tests show
        }

        var path = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        var expected = File.ReadAllBytes(path);
        var cached = Assert.Single(Directory.GetFiles(CachedFolder));
        Assert.Equal(expected, File.ReadAllBytes(cached));
        Assert.Equal(Inode(path), Inode(cached)); // the first build adds its file to the cache as a second link

        Directory.Delete(Obj, recursive: true);
        File.SetLastWriteTimeUtc(cached, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = DateTime.UtcNow.AddSeconds(-2);
        var again = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        Assert.Equal(path, again);
        Assert.True(File.GetLastWriteTimeUtc(again) >= before, "a linked file is dated like a file just written (CoreCompile's inputs)");
        Assert.Equal(Inode(cached), Inode(again)); // linked, not created
        Assert.Equal(expected, File.ReadAllBytes(again));
        Assert.Equal([again], Directory.GetFiles(Obj, "*", SearchOption.AllDirectories)); // no temporary file

        Directory.Delete(Obj, recursive: true);
        var unlinked = Writer(links: false).Write("Text/Slug.mprompt", "model m, key k", Code);
        Assert.Equal(expected, File.ReadAllBytes(unlinked)); // exactly what a build without links writes
        Assert.NotEqual(Inode(cached), Inode(unlinked));
    }

    [Fact]
    public void A_cached_copy_changed_in_place_is_not_used_and_is_replaced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        var expected = File.ReadAllBytes(path);
        var cached = Assert.Single(Directory.GetFiles(CachedFolder));
        Directory.Delete(Obj, recursive: true);
        using (var stream = new FileStream(cached, FileMode.Open, FileAccess.Write)) // in place: same inode, same length
        {
            stream.Write("// evil"u8);
        }

        var again = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        Assert.Equal(expected, File.ReadAllBytes(again));
        Assert.Equal(expected, File.ReadAllBytes(Assert.Single(Directory.GetFiles(CachedFolder)))); // replaced by the good copy
        Assert.Equal(Inode(again), Inode(Assert.Single(Directory.GetFiles(CachedFolder))));
    }

    [Fact]
    public void A_generated_file_edited_in_place_reaches_neither_this_build_nor_the_next_clean_one()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        var expected = File.ReadAllBytes(path);
        File.WriteAllText(path, "public static class Edited { }\n"); // truncates and writes the shared inode: the cached copy too

        Assert.Equal(path, Writer().Write("Text/Slug.mprompt", "model m, key k", Code)); // an incremental build
        Assert.Equal(expected, File.ReadAllBytes(path));

        Directory.Delete(Obj, recursive: true); // a clean build: the cached copy still holds the edit
        var again = Writer().Write("Text/Slug.mprompt", "model m, key k", Code);
        Assert.Equal(expected, File.ReadAllBytes(again));
        Assert.Equal(expected, File.ReadAllBytes(Assert.Single(Directory.GetFiles(CachedFolder))));
    }

    [Fact]
    public void Regenerated_code_gets_a_new_file_and_leaves_the_cached_copy_of_the_old_code_as_it_was()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Writer().Write("Text/Slug.mprompt", "model m, key k1", Code);
        var old = File.ReadAllBytes(path);
        var oldCopy = Assert.Single(Directory.GetFiles(CachedFolder));
        Writer().Write("Text/Slug.mprompt", "model m, key k2", "public static class B { }\n");

        Assert.EndsWith("class B { }\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(old, File.ReadAllBytes(oldCopy));
        Assert.Equal(2, Directory.GetFiles(CachedFolder).Length); // the new code is cached too
        Assert.NotEqual(Inode(oldCopy), Inode(path));
    }

    [Fact]
    public void Without_a_usable_cache_folder_the_files_are_written_as_before()
    {
        Directory.CreateDirectory(Cache);
        File.WriteAllText(CachedFolder, "a file where the folder should be");

        var writer = Writer();
        var first = writer.Write("A.mprompt", "o", Code);
        var second = writer.Write("B.mprompt", "o", "public static class B { }\n");

        Assert.EndsWith(Code, File.ReadAllText(first), StringComparison.Ordinal);
        Assert.EndsWith("class B { }\n", File.ReadAllText(second), StringComparison.Ordinal);
        Assert.Equal("a file where the folder should be", File.ReadAllText(CachedFolder));
    }

    [Fact]
    public void Nothing_is_cached_when_links_are_off_or_there_is_no_user_cache()
    {
        Writer(links: false).Write("A.mprompt", "o", Code);
        new GeneratedFileWriter(Path.Combine(_root, "obj2"), "enable", GeneratedFileLinks.For(null, enabled: true)).Write("A.mprompt", "o", Code);

        Assert.False(Directory.Exists(CachedFolder));
        Assert.Null(GeneratedFileLinks.For("", enabled: true));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    // The inode number (`stat -c %i`): two paths with the same one are links to one file.
    private static string Inode(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("%i");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
