namespace MicroPrompt.Dependability;

/// <summary>
/// How much an item's examples pin down: its resolved code is mutated and every mutant runs against the examples;
/// <see cref="Score"/> = killed / (mutants that compiled and are not marked equivalent), 0–1.
/// </summary>
public sealed record ExampleStrength(double Score, int Mutants, int Killed, IReadOnlyList<SurvivingMutant> Survivors);
