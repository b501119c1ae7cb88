using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>The optional <c>frontMatter</c> field of a lock entry (issue #15): its place on the line, and round trips.</summary>
public sealed class LockFrontMatterTests
{
    [Fact]
    public void FrontMatter_is_written_after_inputs_with_nulls_omitted_and_read_back()
    {
        var entry = new LockEntry
        {
            PromptHash = "p", Model = "m", Key = "k", CodeHash = "c", CodeFile = "code/A.cs", Origin = LockOrigins.Generated,
            Inputs = new SortedDictionary<string, string> { ["prompt"] = "p" },
            FrontMatter = new LockFrontMatter { TextHash = "t", Kind = "program", Uses = ["B.mprompt"] },
        };

        var line = LockFileFormat.OneLine(entry);
        Assert.Contains("\"inputs\": {\"prompt\": \"p\"}, \"frontMatter\": {\"textHash\": \"t\", \"kind\": \"program\", \"uses\": [\"B.mprompt\"]}, \"usage\": ", line);

        var dir = Path.Combine(Path.GetTempPath(), "mp-lockfm-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var store = new ResolvedStore(dir);
            store.SaveLock(new LockFile { Items = { ["A.mprompt"] = entry } });
            var read = store.LoadLock().Items["A.mprompt"].FrontMatter!;
            Assert.Equal(("t", "program", null as string), (read.TextHash, read.Kind, read.Model));
            Assert.Equal(["B.mprompt"], read.Uses);
            Assert.Null(read.Requires);

            store.SaveLock(new LockFile { Items = { ["A.mprompt"] = entry with { FrontMatter = null } } });
            Assert.DoesNotContain("frontMatter", File.ReadAllText(Path.Combine(dir, "lock.json")), StringComparison.Ordinal);
            Assert.Null(store.LoadLock().Items["A.mprompt"].FrontMatter);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
