using MicroPrompt.Prompts;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Probe runs of a program item, each in a fresh, empty working directory: no arguments with empty, blank, non-ASCII
/// and very long stdin; a missing file argument; each example's arguments with empty stdin; each example that writes
/// files, run without them (its file arguments now name missing files). Runs an example already makes are skipped.
/// </summary>
internal static class ProgramProbeGenerator
{
    public const string MissingFile = "missing.txt";

    /// <summary>The inputs the examples run already (an example without files runs exactly its args and stdin).</summary>
    public static HashSet<string> Covered(PromptDocument prompt) => prompt.Examples
        .Select(e => e.Program)
        .OfType<ProgramExample>()
        .Where(e => e.Files.Count == 0)
        .Select(e => new ProgramInput([.. e.Args], e.Stdin).Key)
        .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<Probe> Generate(PromptDocument prompt)
    {
        var examples = prompt.Examples.Select(e => e.Program).OfType<ProgramExample>().ToList();
        var inputs = new List<ProgramInput>
        {
            new([], ""),
            new([], "\n"),
            new([], " \t \n"),
            new([], "Ünïcødé ✓\n日本\n"),
            new([], new string('a', 10000) + "\n"),
            new([MissingFile], ""),
        };
        foreach (var example in examples)
        {
            if (example.Files.Count > 0)
            {
                inputs.Add(new([.. example.Args], example.Stdin));
            }

            if (example.Args.Count > 0)
            {
                inputs.Add(new([.. example.Args], ""));
            }
        }

        var covered = Covered(prompt);
        return inputs.DistinctBy(i => i.Key).Where(i => !covered.Contains(i.Key)).Select(Probe.ForProgram).ToList();
    }
}
