using MicroPrompt.Diagnostics;

namespace MicroPrompt.Settings;

/// <summary>
/// The dependability check (<c>docs/dependability.md</c>). Read by <see cref="Dependability.DependabilitySettings"/>
/// (its own codes, MP1060–MP1062); the catalog declares them for the targets, the hash and the docs.
/// </summary>
public static partial class SettingsCatalog
{
    public static readonly Setting<int> CheckSamples = new(SettingTypes.Int(0, Dependability.DependabilitySettings.MaxSamples))
    {
        Property = "MicroPromptCheckSamples",
        Parameter = "CheckSamples",
        EnvironmentVariable = "MICROPROMPT_CHECK_SAMPLES",
        Default = 0,
        DefaultText = "—",
        ErrorCode = DiagnosticCodes.CheckSamplesInvalid,
        Doc = "a [dependability check](dependability.md) after the resolution: N independent samples per item (0–100; 0/empty: none)",
    };

    public static readonly Setting<double?> CheckTemperature = new(SettingTypes.Number(0, Dependability.DependabilitySettings.MaxTemperature, "0.7"))
    {
        Property = "MicroPromptCheckTemperature",
        Parameter = "CheckTemperature",
        Default = null,
        DefaultText = "`0.7`",
        ErrorCode = DiagnosticCodes.CheckTemperatureInvalid,
        Doc = "dependability check: sampling temperature (0–2)",
    };

    public static readonly Setting<bool> CheckMutants = new(SettingTypes.Bool)
    {
        Property = "MicroPromptCheckMutants",
        Parameter = "CheckMutants",
        Default = false,
        Doc = "dependability check: also measure example strength (mutants of the resolved code)",
    };

    public static readonly Setting<double?> MinDependability = new(SettingTypes.Number(0, 1, "0.5"))
    {
        Property = "MicroPromptMinDependability",
        Parameter = "MinDependability",
        Default = null,
        DefaultText = "—",
        ErrorCode = DiagnosticCodes.MinDependabilityInvalid,
        Doc = "0–1, compared with each checked item's 95% Wilson lower bound: below it warning `MP3010` (an error with `TreatWarningsAsErrors`)",
    };
}
