using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>The <c>.g.cs</c> writer: created in place when obj has none, untouched when identical, replaced when changed.</summary>
public sealed class GeneratedFileWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mp-gwriter-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_new_file_is_written_in_place_an_identical_one_is_kept_and_a_changed_one_replaced()
    {
        var writer = new GeneratedFileWriter(_root, "enable");
        var path = writer.Write("Text/Slug.mprompt", "model m, key k", "class A { }\n");
        Assert.Equal(Path.Combine(_root, "Text", "Slug.g.cs"), path);
        Assert.EndsWith("#nullable enable\nclass A { }\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(_root, "*", SearchOption.AllDirectories)); // no temporary file left

        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        new GeneratedFileWriter(_root, "enable").Write("Text/Slug.mprompt", "model m, key k", "class A { }\n");
        Assert.Equal(written, File.GetLastWriteTimeUtc(path)); // identical: not rewritten (CoreCompile stays up to date)

        new GeneratedFileWriter(_root, "enable").Write("Text/Slug.mprompt", "model m, key k", "class B { }\n"); // same length
        Assert.EndsWith("class B { }\n", File.ReadAllText(path), StringComparison.Ordinal);
        new GeneratedFileWriter(_root, "disable").Write("Text/Slug.mprompt", "model m, key k", "class B { }\n");
        Assert.DoesNotContain("#nullable", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("class A { }\n")]
    [InlineData("class \u00C9t\u00E9 { string S = \"\u2713 \uD83D\uDE00\"; }\n")]
    [InlineData("class A { string S = \"\uD83D lone\"; }\n")] // a lone surrogate is written as U+FFFD
    public void Written_is_what_reading_each_file_back_gives_the_last_write_winning(string code)
    {
        var writer = new GeneratedFileWriter(_root, "enable");
        writer.Write("Text/Slug.mprompt", "o", "class Old { }\n");
        var path = writer.Write("Text/Slug.mprompt", "model m, key k", code);
        var other = writer.Write("Other.mprompt", "o", "class Other { }\n");

        Assert.Equal(File.ReadAllText(path), writer.Written[path]);
        Assert.Equal(File.ReadAllText(other), writer.Written[other]);
        Assert.Equal(2, writer.Written.Count);
    }

    [Fact]
    public void Parallel_writers_into_folders_obj_does_not_have_yet_all_succeed()
    {
        for (var round = 0; round < 50; round++) // a smoke test: the race it guards (a folder marked created before it exists) is timing-dependent
        {
            var writer = new GeneratedFileWriter(Path.Combine(_root, $"r{round}"), "enable");
            Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => writer.Write($"F{i % 2}/P{i}.mprompt", "o", $"class P{i} {{ }}\n"));
            Assert.Equal(64, Directory.GetFiles(Path.Combine(_root, $"r{round}"), "*.g.cs", SearchOption.AllDirectories).Length);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
