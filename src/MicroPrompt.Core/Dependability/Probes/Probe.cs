namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// One probe input. A library probe is a C# expression calling the contract (<see cref="Code"/>, shown as
/// <see cref="Input"/>); a program probe is a run of the entry point with <see cref="Program"/>'s args and stdin.
/// </summary>
/// <param name="Input">The input as the user would write it: <c>Slug.Make("a_b")</c>, or <c>args: ["missing.txt"], stdin: ""</c>.</param>
/// <param name="Code">Library: the expression; program: empty.</param>
/// <param name="Call">How a library expression is run and rendered (decided by <see cref="ProbeValidator"/>).</param>
/// <param name="Program">Program: the run's input; library: null.</param>
/// <param name="Proposed">Whether the model proposed it (kept first when the probes are capped).</param>
internal sealed record Probe(string Input, string Code, ProbeCall Call, ProgramInput? Program = null, bool Proposed = false)
{
    public static Probe ForProgram(ProgramInput input) => new(input.Describe(), "", ProbeCall.Program, input);
}
