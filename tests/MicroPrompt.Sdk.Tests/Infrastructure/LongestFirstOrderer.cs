using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("MicroPrompt.Sdk.Tests.Infrastructure.LongestFirstOrderer", "MicroPrompt.Sdk.Tests")]

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Starts the collections of <see cref="LongRunningAttribute"/> classes first, then the rest by name. Each class is its
/// own collection, named "Test collection for &lt;class full name&gt;" by xunit.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private static readonly HashSet<string> LongRunning = typeof(LongestFirstOrderer).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<LongRunningAttribute>() is not null)
        .Select(t => t.FullName!)
        .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
        => testCollections
            .OrderBy(c => IsLongRunning(c) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool IsLongRunning(ITestCollection collection)
        => LongRunning.Any(name => collection.DisplayName.EndsWith(" " + name, StringComparison.Ordinal));
}
