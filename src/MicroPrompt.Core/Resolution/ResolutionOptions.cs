using MicroPrompt.Generation;
using MicroPrompt.Settings;
using MicroPrompt.SharedCache;

namespace MicroPrompt.Resolution;

/// <summary>Settings of one resolution run (the MSBuild properties, already validated).</summary>
public sealed record ResolutionOptions
{
    public required ProjectContext Project { get; init; }

    /// <summary><c>MicroPromptStore</c>: lock + resolved code.</summary>
    public required string StoreDirectory { get; init; }

    /// <summary>The user-level cache folder, or null for none.</summary>
    public string? UserCacheDirectory { get; init; }

    /// <summary>Where the <c>.g.cs</c> files go (under obj).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary><c>MicroPromptModel</c> (the property or its environment variable).</summary>
    public string? DefaultModel { get; init; }

    /// <summary>The provider name recorded in the lock as provenance (never the endpoint).</summary>
    public string ProviderName { get; init; } = SettingsCatalog.Provider.Default;

    public bool Locked { get; init; }

    public bool RegenerateAll { get; init; }

    /// <summary>Item paths or file names (without extension) to regenerate even when resolved.</summary>
    public IReadOnlyCollection<string> RegenerateItems { get; init; } = [];

    /// <summary>
    /// Items whose hand-edited code file (lock code hash != file hash) is verified like a generation, without a model
    /// call, and recorded with origin <c>hand-edit</c> when it passes (<c>dotnet mprompt adopt</c>). Other items resolve as usual.
    /// </summary>
    public IReadOnlyCollection<string> AdoptItems { get; init; } = [];

    public bool DesignTime { get; init; }

    /// <summary><c>MicroPromptRegeneration</c>: how a resolved item whose key changed is regenerated (front matter and item metadata win).</summary>
    public RegenerationMode Regeneration { get; init; } = SettingsCatalog.Regeneration.Default;

    /// <summary><c>MicroPromptAllowApiChanges=true</c>: every item's regeneration may remove or change public members.</summary>
    public bool AllowApiChangesAll { get; init; }

    /// <summary><c>MicroPromptAllowApiChanges</c> as item paths or file names: these items' regenerations may change their API.</summary>
    public IReadOnlyCollection<string> AllowApiChangesItems { get; init; } = [];

    public RepairMode Repair { get; init; } = SettingsCatalog.Repair.Default;

    public int MaxPasses { get; init; } = SettingsCatalog.MaxPasses.Default;

    public int MaxConcurrency { get; init; } = SettingsCatalog.MaxConcurrency.Default;

    /// <summary>The SDK version recorded as generator of new entries.</summary>
    public string GeneratorVersion { get; init; } = "0.0.0";

    /// <summary><c>MicroPromptStrictCapabilities</c>: undeclared capabilities in generated code are errors, not warnings.</summary>
    public bool StrictCapabilities { get; init; }

    /// <summary>
    /// Plan a prompt whose text is unchanged since its lock entry recorded its front matter from that record instead of
    /// parsing it (default true; the outcome is the same either way — see <see cref="UnchangedPrompts"/>). Off for
    /// measuring the parse.
    /// </summary>
    public bool ReuseUnchangedPrompts { get; init; } = true;

    /// <summary>
    /// Keep a content-addressed copy of each <c>.g.cs</c> in the user cache and hard-link a missing one from it instead of
    /// creating it (default true; the files are the same bytes either way — see <see cref="GeneratedFileLinks"/>). Off
    /// for measuring the writes.
    /// </summary>
    public bool LinkGeneratedFiles { get; init; } = true;

    /// <summary><c>MicroPromptMaxCostUsd</c>: checked before each generation starts; null for no budget.</summary>
    public Cost.GenerationBudget? Budget { get; init; }

    /// <summary>For the budget: the judge model of new generations; "" = the item's model, null = no judge.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Cap for one prompt file's size in bytes.</summary>
    public int MaxPromptBytes { get; init; } = SettingsCatalog.MaxPromptBytes.Default;

    /// <summary><c>MicroPromptSharedCache</c>: the team's shared generation cache (Redis), or null for none.</summary>
    public SharedCacheOptions? SharedCache { get; init; }
}
