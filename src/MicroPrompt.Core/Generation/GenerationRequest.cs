using MicroPrompt.Prompts;
using MicroPrompt.Settings;

namespace MicroPrompt.Generation;

/// <summary>Everything needed to generate and verify one item's code. Contains no secrets and no provider types.</summary>
public sealed record GenerationRequest
{
    public required PromptDocument Prompt { get; init; }

    /// <summary>The prompt's path relative to the project, '/' separated (the item's identity).</summary>
    public required string ItemPath { get; init; }

    /// <summary>The namespace the generated code must use.</summary>
    public required string Namespace { get; init; }

    public required string Model { get; init; }

    public required ProjectContext Project { get; init; }

    public IReadOnlyList<UsedItem> Uses { get; init; } = [];

    /// <summary>Other C# the code is compiled with (resolved code of every other item, contract stubs of the rest).</summary>
    public IReadOnlyList<string> CompanionSources { get; init; } = [];

    public RepairMode Repair { get; init; } = SettingsCatalog.Repair.Default;

    public int MaxPasses { get; init; } = SettingsCatalog.MaxPasses.Default;

    /// <summary>Item paths of <see cref="CompanionSources"/> (same order), to name them in caller errors; may be empty.</summary>
    public IReadOnlyList<string> CompanionNames { get; init; } = [];

    /// <summary>
    /// Check the project's own sources and the companions as callers of the new code: errors the new code causes there
    /// (relative to <see cref="CallerBaseline"/>) are problems of the generation. Null: no caller check.
    /// </summary>
    public string? CallerBaseline { get; init; }

    /// <summary>The item's previous resolution, when it had one: edit base and API comparison.</summary>
    public PreviousResolution? Previous { get; init; }

    /// <summary><c>MicroPromptAllowApiChanges</c> for this item: a removed or changed public member is reported, not a problem.</summary>
    public bool AllowApiChanges { get; init; }

    /// <summary>Sampling temperature of the generation calls: 0 in builds; a comparison may sample above it.</summary>
    public double Temperature { get; init; }
}
