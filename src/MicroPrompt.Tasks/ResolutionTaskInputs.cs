using MicroPrompt.Settings;

namespace MicroPrompt.Tasks;

/// <summary>
/// An immutable snapshot of the task's parameters, taken when <c>Execute</c> starts: the resolution parameters (what
/// inputs.json holds, <see cref="ResolutionParameters.GeneratorVersion"/> defaulted to the SDK's version) and the
/// targets' bookkeeping paths, which are not resolution inputs.
/// </summary>
/// <param name="ListFile">A file listing the generated <c>.g.cs</c> paths (one a line), read by the build when the task is skipped.</param>
/// <param name="StampFile">Touched when every item resolved, so the next build can skip the task when nothing changed.</param>
/// <param name="InputsFile">Where to write <paramref name="Parameters"/> as JSON (<c>inputs.json</c>).</param>
/// <param name="InputsOnly">Only write <paramref name="InputsFile"/> (text, parsed by the settings catalog).</param>
internal sealed record ResolutionTaskInputs(
    ResolutionParameters Parameters,
    string? ListFile,
    string? StampFile,
    string? InputsFile,
    string? InputsOnly)
{
    /// <summary>The project's name, shown in the report and the build span: <c>ProjectName</c>, else the project folder's name.</summary>
    public string ProjectNameOrFolder => string.IsNullOrWhiteSpace(Parameters.ProjectName)
        ? Path.GetFileName(Parameters.ProjectDirectory.TrimEnd('/', '\\'))
        : Parameters.ProjectName!;
}
