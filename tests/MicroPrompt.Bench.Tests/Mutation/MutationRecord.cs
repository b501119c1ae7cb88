using System.Text.Json;
using System.Text.Json.Serialization;
using MicroPrompt.Bench.Tests.Infrastructure;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>
/// <c>Mutation/scores.json</c>: the recorded mutation score of every task's reference solution against its examples,
/// with the surviving mutants by key. A task must not fall below its record; a run that improves on it is recorded
/// with <c>MICROPROMPT_MUTATION_RECORD=1 samples/run-mutation.sh</c>.
/// </summary>
internal sealed record MutationRecord(
    [property: JsonPropertyName("exampleTimeoutSeconds")] double ExampleTimeoutSeconds,
    [property: JsonPropertyName("suite")] TaskScore Suite,
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskScore> Tasks)
{
    public static string FilePath { get; } = Path.Combine(BenchLayout.RepoRoot, "tests", "MicroPrompt.Bench.Tests", "Mutation", "scores.json");

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static MutationRecord Load() => JsonSerializer.Deserialize<MutationRecord>(File.ReadAllText(FilePath), Json)
        ?? throw new InvalidDataException($"{FilePath} is empty.");

    public TaskScore? For(string task) => Tasks.FirstOrDefault(t => t.Task == task);

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
