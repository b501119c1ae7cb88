using MicroPrompt.Diagnostics;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Resolution;

/// <summary>Parallel generation, cancellation and concurrent builds over one store or user cache.</summary>
public sealed class ConcurrentResolutionTests
{
    [Fact]
    public async Task Results_lock_and_report_are_identical_whatever_order_calls_finish_in()
    {
        string? expected = null;
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            using var fixture = new ConcurrencyFixture().WithPrompts(12, dependents: 6);
            var generator = new DelayedGenerator(seed) { Failing = { "P03.mprompt", "P07.mprompt" } };

            var result = await fixture.ResolveAsync(generator, concurrency: 4);

            // `uses` order holds: a dependent is asked for only after what it uses was generated.
            for (var i = 0; i < 6; i++)
            {
                var dependent = generator.Calls.IndexOf($"D{i:00}.mprompt");
                Assert.True(dependent < 0 || dependent > generator.Calls.IndexOf($"P{i:00}.mprompt"));
            }

            Assert.InRange(generator.MaxInFlight, 2, 4);
            var report = string.Join("\n", result.Diagnostics.Select(d => d.ToString().Replace(fixture.ProjectDirectory, "<project>")));
            var statuses = string.Join(",", result.Items.Select(i => $"{i.ItemPath}={i.Status}"));
            var generated = string.Join("\n", result.GeneratedFiles.Select(f => Path.GetRelativePath(fixture.ProjectDirectory, f) + ":" + File.ReadAllText(f)));
            fixture.AssertStoreIntact();
            var snapshot = string.Join("\n---\n", statuses, report, fixture.NormalizedLock(), generated);
            Assert.Contains("error MP1011", report);
            Assert.Contains("D03.mprompt(1,1): error MP2005", report);
            if (expected is null)
            {
                expected = snapshot;
            }
            else
            {
                Assert.Equal(expected, snapshot);
            }
        }
    }

    [Fact]
    public async Task A_failed_or_cancelled_run_keeps_everything_verified_and_the_next_run_pays_only_for_the_rest()
    {
        using var fixture = new ConcurrencyFixture().WithPrompts(16);
        using var cancel = new CancellationTokenSource();
        var first = new DelayedGenerator(seed: 7, maxDelayMs: 200) { Failing = { "P00.mprompt" } };
        first.OnCompleted = count =>
        {
            if (count == 6)
            {
                cancel.Cancel(); // Ctrl+C while other calls are in flight
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.ResolveAsync(first, concurrency: 4, cancellationToken: cancel.Token));

        var lockFile = fixture.AssertStoreIntact();
        Assert.Equal(first.Completed.OrderBy(p => p, StringComparer.Ordinal), lockFile.Items.Keys.OrderBy(p => p, StringComparer.Ordinal));
        var cache = new UserCache(fixture.UserCache);
        Assert.All(lockFile.Items.Values, e => Assert.True(cache.TryGet(e.Key, out _, out var problem) && problem is null));

        var second = new DelayedGenerator(seed: 8);
        var result = await fixture.ResolveAsync(second);

        Assert.Empty(second.Calls.Intersect(first.Completed)); // nothing verified is paid for twice
        Assert.Equal(16 - first.Completed.Count, second.Calls.Count);
        Assert.All(result.Items, i => Assert.NotEqual(ItemStatus.Failed, i.Status));
        Assert.Equal(16, fixture.AssertStoreIntact().Items.Count);
    }

    [Fact]
    public async Task Two_builds_of_one_project_and_another_project_sharing_the_user_cache_at_once_lose_and_tear_nothing()
    {
        using var a = new ConcurrencyFixture().WithPrompts(24, dependents: 8);
        using var b = new ConcurrencyFixture(userCache: a.UserCache).WithPrompts(24, dependents: 8);
        for (var round = 0; round < 3; round++)
        {
            if (round > 0)
            {
                // Change every prompt so each round generates everything again, racing on lock.json and the cache.
                foreach (var item in a.Items.Concat(b.Items))
                {
                    File.AppendAllText(item.FullPath, $"\nRound {round}.\n");
                }
            }

            var results = await Task.WhenAll(
                Task.Run(() => a.ResolveAsync(new DelayedGenerator(round * 3 + 1, 20), output: "obj1", concurrency: 8)),
                Task.Run(() => a.ResolveAsync(new DelayedGenerator(round * 3 + 2, 20), output: "obj2", concurrency: 8)),
                Task.Run(() => b.ResolveAsync(new DelayedGenerator(round * 3 + 3, 20), output: "obj", concurrency: 8)));

            foreach (var result in results)
            {
                Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                Assert.Equal(32, result.GeneratedFiles.Count);
            }

            Assert.Equal(32, a.AssertStoreIntact().Items.Count);
            Assert.Equal(32, b.AssertStoreIntact().Items.Count);
            var cache = new UserCache(a.UserCache);
            foreach (var entry in a.AssertStoreIntact().Items.Values.Concat(b.AssertStoreIntact().Items.Values))
            {
                Assert.True(cache.TryGet(entry.Key, out var record, out var problem), problem?.Message);
                Assert.Equal(entry.CodeHash, record!.CodeHash);
            }
        }
    }

    [Fact]
    public async Task A_prompt_that_does_not_parse_fails_alone_and_its_dependents_report_MP2005()
    {
        using var fixture = new ConcurrencyFixture().WithPrompts(3)
            .Add("A-broken.mprompt", "")
            .Add("Z-user.mprompt", "---\nuses: [A-broken.mprompt]\n---\n# User\n\nText.\n");
        var generator = new DelayedGenerator(seed: 1);

        var result = await fixture.ResolveAsync(generator);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.PromptEmpty && d.File!.EndsWith("A-broken.mprompt", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DependencyFailed && d.File!.EndsWith("Z-user.mprompt", StringComparison.Ordinal));
        Assert.Equal(3, generator.Calls.Count);
        Assert.Equal(3, fixture.AssertStoreIntact().Items.Count);
    }
}
