using MicroPrompt.Dependability.Probes;
using Microsoft.Extensions.Caching.Distributed;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>The user-cache folder behind the probe proposals' caching chat client.</summary>
public sealed class ProposalReplyCacheTests
{
    [Fact]
    public async Task An_entry_is_kept_in_its_own_file_and_a_missing_one_is_a_miss()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-probes-" + Guid.NewGuid().ToString("N"));
        try
        {
            var cache = new ProposalReplyCache(directory);
            Assert.Null(await cache.GetAsync("ab/cd"));

            await cache.SetAsync("ab/cd", [1, 2, 3], new DistributedCacheEntryOptions());

            Assert.Equal([1, 2, 3], await new ProposalReplyCache(directory).GetAsync("ab/cd"));   // a new process reads it
            Assert.Equal(["ab_cd.json"], Directory.GetFiles(directory).Select(Path.GetFileName));  // one file, a safe name, no temp left
            await cache.RemoveAsync("ab/cd");
            Assert.Null(cache.Get("ab/cd"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_miss_not_a_failure()
    {
        var file = Path.GetTempFileName();   // a file where the folder should be
        try
        {
            var cache = new ProposalReplyCache(file);
            cache.Set("k", [1], new DistributedCacheEntryOptions());
            Assert.Null(cache.Get("k"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
