using MicroPrompt.Adoption;
using MicroPrompt.Generation;
using MicroPrompt.Tool.Inputs;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt adopt &lt;item&gt;</c>: a hand-edited resolved code file is verified like a generation (compile with
/// callers, library shape, API, examples; <see cref="HandEditAdopter"/>) without a model call and, when it passes,
/// recorded as the item's resolution with origin <c>hand-edit</c>. Exit 0 when adopted (or nothing to adopt), 1 when
/// verification failed (nothing written), 2 on errors.
/// </summary>
public sealed class AdoptCommand : AsyncCommand<ItemSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ItemSettings settings, CancellationToken cancellationToken)
    {
        var inputs = ProjectInputsLoader.Load(settings.Project, settings.Inputs);
        var item = ItemArgument.Resolve(inputs, settings.Item);
        var result = await Adopt(inputs, item.ItemPath, cancellationToken).ConfigureAwait(false);
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(Json(inputs, result));
        }
        else
        {
            Describe(output, result);
        }

        return ExitCode(result);
    }

    /// <summary>Adopts the item's hand edit with the project's settings (the generator verifies; it never calls a model).</summary>
    internal static async Task<AdoptionResult> Adopt(ProjectInputs inputs, string itemPath, CancellationToken cancellationToken)
    {
        var settings = inputs.Settings;
        // .g.cs files of this run go to a temporary folder: the next build writes the project's own.
        var output = Path.Combine(Path.GetTempPath(), "mprompt-adopt-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var adopter = new HandEditAdopter(() => GeneratorFactory.Create(settings.Provider, settings.ProviderName, settings.Options.Project, settings.Examples));
            return await adopter.AdoptAsync(settings.Options with { OutputDirectory = output }, settings.Items, itemPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Diagnostics.MicroPromptException ex)
        {
            throw new ToolException($"{ex.Diagnostic.Code}: {ex.Diagnostic.Message}");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    internal static AdoptJson Json(ProjectInputs inputs, AdoptionResult result) => new(
        inputs.ProjectFile,
        result.ItemPath,
        result.Outcome switch { AdoptionOutcome.Adopted => "adopted", AdoptionOutcome.NothingToAdopt => "nothing-to-adopt", _ => "failed" },
        result.Before?.CodeHash,
        result.After?.CodeHash,
        result.After?.Key,
        result.Diagnostics.Select(d => $"{d.Code}: {d.Message}").ToList());

    internal static void Describe(ToolOutput output, AdoptionResult result)
    {
        output.Line(result.Outcome switch
        {
            AdoptionOutcome.Adopted => $"Adopted the hand edit of '{result.ItemPath}' (origin hand-edit, code {result.After!.CodeHash[..12]}, base {result.Before!.CodeHash[..12]}). Commit the store folder.",
            AdoptionOutcome.NothingToAdopt => $"'{result.ItemPath}': its code file matches the lock; there is no hand edit to adopt.",
            _ => $"The hand edit of '{result.ItemPath}' was not adopted; nothing was written:",
        });
        foreach (var problem in result.Diagnostics)
        {
            output.Line($"  {problem.Severity.ToString().ToLowerInvariant()} {problem.Code}: {problem.Message}");
        }
    }

    internal static int ExitCode(AdoptionResult result) => result.Outcome == AdoptionOutcome.Failed ? ExitCodes.WorkToDo : ExitCodes.NothingToDo;
}
