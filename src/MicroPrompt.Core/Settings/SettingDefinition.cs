using MicroPrompt.Diagnostics;

namespace MicroPrompt.Settings;

/// <summary>
/// One setting of the build as <see cref="SettingsCatalog"/> declares it: the MSBuild property, the task parameter it is
/// passed as, its environment-variable fallback, its kind, default and allowed values, the code of a bad value, whether
/// it enters the settings hash (and why not), and one line of documentation. Tests compare these declarations with
/// <c>MicroPrompt.targets</c> and <c>docs/properties.md</c>, so neither can drift from the code.
/// </summary>
public abstract class SettingDefinition
{
    private protected SettingDefinition(SettingKind kind, string allowed)
    {
        Kind = kind;
        Allowed = allowed;
    }

    /// <summary>The MSBuild property, e.g. <c>MicroPromptMaxPasses</c>.</summary>
    public required string Property { get; init; }

    /// <summary>The <c>ResolveMicroPrompts</c> parameter it is passed as; null for a property only the targets read.</summary>
    public string? Parameter { get; init; }

    /// <summary>The environment variable the targets fall back to when the property is empty; null for none.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>The environment variable is read by the task itself (a standard one other tools share), not by the targets.</summary>
    public bool EnvironmentReadByTask { get; init; }

    public SettingKind Kind { get; }

    /// <summary>What a value may be, as messages say it after "expected": <c>true or false</c>.</summary>
    public string Allowed { get; }

    private string? _defaultText;

    /// <summary>
    /// The default as the docs show it: the typed default in backticks (<c>`3`</c>), <c>—</c> for none, or the text set
    /// here (a computed default, e.g. a path under the project).
    /// </summary>
    public string DefaultText
    {
        get => _defaultText ?? DefaultShown();
        init => _defaultText = value;
    }

    /// <summary>
    /// The default depends on MSBuild values (a path under the project, <c>CI=true</c>) and is computed by the targets;
    /// every other default is the catalog's own and the targets set none.
    /// </summary>
    public bool DefaultFromTargets { get; init; }

    /// <summary>The code of a bad value.</summary>
    public string ErrorCode { get; init; } = DiagnosticCodes.InvalidProperty;

    /// <summary>Why a change of this setting does not re-run the task (the settings hash leaves it out); null: it is hashed.</summary>
    public string? NotHashedReason { get; init; }

    /// <summary>Whether the settings hash (<c>_MicroPromptWriteSettings</c>) covers this setting.</summary>
    public bool InSettingsHash => NotHashedReason is null;

    /// <summary>The value could hold a secret (a URL with user info, a connection string): messages never show it as given.</summary>
    public bool MayHoldSecret { get; init; }

    /// <summary>Plumbing between the targets and the task (a <c>_MicroPrompt…</c> property): not documented as a property.</summary>
    public bool Internal { get; init; }

    /// <summary>One line for the docs' property table.</summary>
    public required string Doc { get; init; }

    /// <summary>The typed default as the docs show it.</summary>
    private protected abstract string DefaultShown();

    /// <summary>Extra advice appended to the message of a bad value; empty for none.</summary>
    public string Advice { get; init; } = "";
}
