using System.Text.Json;
using System.Text.Json.Serialization;
using MicroPrompt.Bench.Tests.Infrastructure;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>
/// <c>Mutation/equivalent.json</c>, reviewed by hand: mutants of a reference solution that behave exactly like it for
/// every input the task's spec allows, so no example can kill them. Each entry names the task, the mutant's key (as the
/// mutation report prints it), its line (for the reader) and a one-line reason.
/// </summary>
internal sealed record EquivalentMutant(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("mutant")] string Mutant,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static string FilePath { get; } = Path.Combine(BenchLayout.RepoRoot, "tests", "MicroPrompt.Bench.Tests", "Mutation", "equivalent.json");

    public static IReadOnlyList<EquivalentMutant> Load()
        => JsonSerializer.Deserialize<List<EquivalentMutant>>(File.ReadAllText(FilePath), MutationRecord.Json) ?? [];

    /// <summary>The keys marked equivalent for <paramref name="task"/>.</summary>
    public static IReadOnlySet<string> For(IReadOnlyList<EquivalentMutant> all, string task)
        => all.Where(e => e.Task == task).Select(e => e.Mutant).ToHashSet(StringComparer.Ordinal);
}
