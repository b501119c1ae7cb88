using MicroPrompt.Settings;

namespace MicroPrompt.Tool.Inputs;

/// <summary>A project's resolution inputs as the build evaluates them, and the engine settings made from them.</summary>
/// <param name="ProjectFile">The project file (full path).</param>
/// <param name="Parameters">What the SDK target wrote (the <c>ResolveMicroPrompts</c> task's parameters).</param>
/// <param name="Settings">The engine settings, parsed by the same code the task uses.</param>
public sealed record ProjectInputs(string ProjectFile, ResolutionParameters Parameters, ResolutionSettings Settings)
{
    public string ProjectDirectory => Parameters.ProjectDirectory;
}
