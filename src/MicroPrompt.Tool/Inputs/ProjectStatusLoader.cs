using MicroPrompt.Status;

namespace MicroPrompt.Tool.Inputs;

/// <summary>Runs the core <see cref="StatusService"/> on a project's inputs.</summary>
public static class ProjectStatusLoader
{
    public static ProjectStatus Compute(ProjectInputs inputs)
    {
        var parameters = inputs.Parameters;
        var reportDirectory = string.IsNullOrWhiteSpace(parameters.ReportDirectory)
            ? null
            : Path.GetFullPath(parameters.ReportDirectory, parameters.ProjectDirectory);
        try
        {
            return StatusService.Compute(inputs.Settings.Options, inputs.Settings.Items, reportDirectory);
        }
        catch (MicroPrompt.Diagnostics.MicroPromptException ex)
        {
            throw new ToolException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
        }
    }
}
