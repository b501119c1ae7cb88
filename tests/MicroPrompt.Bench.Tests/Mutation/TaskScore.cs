using System.Text.Json.Serialization;

namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>One task's (or the suite's) counts; the score is detected / (mutants − compile errors − equivalent).</summary>
internal sealed record TaskScore(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("mutants")] int Mutants,
    [property: JsonPropertyName("killed")] int Killed,
    [property: JsonPropertyName("timeouts")] int Timeouts,
    [property: JsonPropertyName("survived")] int Survived,
    [property: JsonPropertyName("compileErrors")] int CompileErrors,
    [property: JsonPropertyName("equivalent")] int Equivalent,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("survivors")] IReadOnlyList<string> Survivors);
