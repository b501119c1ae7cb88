using MicroPrompt.Models;
using MicroPrompt.Settings;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The texts of bad settings (MP1005 and each setting's own code): property, value (redacted) and what is allowed.</summary>
public static class SettingsMessages
{
    /// <summary>MP1005: the tool's resolution inputs file (<c>--inputs</c>, or the one the build wrote) cannot be read.</summary>
    public static MicroPromptDiagnostic InputsUnreadable(string path, Exception exception) =>
        MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, $"The resolution inputs '{path}' cannot be read: {exception.Message}");

    public static MicroPromptDiagnostic InputsNotJson(Exception exception) =>
        MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, $"The resolution inputs are not valid JSON: {exception.Message}");

    public static MicroPromptDiagnostic InputsVersionUnknown(int? version) =>
        MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, $"The resolution inputs have version {version}; this tool reads version 1 (update MicroPrompt.Tool to the SDK's version).");

    /// <summary>
    /// A bad value of <paramref name="setting"/>: "<c>MicroPromptMaxPasses is 'x'; expected a whole number from 1 to 20.</c>".
    /// A value that could hold a secret is shown redacted (an endpoint without user info and query) or not at all.
    /// </summary>
    public static MicroPromptDiagnostic Invalid(SettingDefinition setting, string? value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var advice = setting.Advice.Length == 0 ? "" : " " + setting.Advice;
        var shown = !setting.MayHoldSecret ? $"'{value}'"
            : setting.Kind == SettingKind.Endpoint ? $"'{EndpointDisplay.Redact(value)}'"
            : "a value not shown here (it may hold a secret)";
        return MicroPromptDiagnostic.Error(setting.ErrorCode, $"{setting.Property} is {shown}; expected {setting.Allowed}.{advice}");
    }

    /// <summary>MP1005: item metadata with a bad value (e.g. <c>Regeneration</c> neither <c>edit</c> nor <c>fresh</c>), at the item's file.</summary>
    public static MicroPromptDiagnostic InvalidItemMetadata(string item, string metadata, string? value, string file, string allowed)
        => MicroPromptDiagnostic.Error(DiagnosticCodes.InvalidProperty, $"The {metadata} metadata of '{item}' is '{value}'; expected {allowed}.", file, 1, 1);
}
