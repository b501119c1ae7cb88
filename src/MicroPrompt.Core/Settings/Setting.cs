using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Settings;

/// <summary>A setting whose value is a <typeparamref name="T"/>: reads the raw property text into the typed option.</summary>
public sealed class Setting<T> : SettingDefinition
{
    private readonly Func<string, (bool Ok, T Value)> _parse;

    internal Setting(SettingType<T> type)
        : base(type.Kind, type.Allowed)
    {
        _parse = type.Parse;
    }

    /// <summary>The value when the property is empty: defined here once; records and options refer to it.</summary>
    public required T Default { get; init; }

    /// <summary>The message of a bad value, when the setting has its own (MP1002, MP1003); else <see cref="SettingsMessages.Invalid"/>.</summary>
    internal Func<string, MicroPromptDiagnostic>? Problem { get; init; }

    /// <summary>
    /// The typed value of <paramref name="raw"/>: <see cref="Default"/> when it is blank; for a bad value, an error
    /// naming the property, the value (redacted where it could hold a secret) and the allowed values is added to
    /// <paramref name="problems"/> and <see cref="Default"/> returned.
    /// </summary>
    public T Read(string? raw, ICollection<MicroPromptDiagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Default;
        }

        var (ok, value) = _parse(raw.Trim());
        if (ok)
        {
            return value;
        }

        problems.Add(Problem is { } problem ? problem(raw) : SettingsMessages.Invalid(this, raw));
        return Default;
    }

    /// <summary>Whether <paramref name="raw"/> is a valid value (blank is: it means the default).</summary>
    public bool IsValid(string? raw) => string.IsNullOrWhiteSpace(raw) || _parse(raw.Trim()).Ok;

    private protected override string DefaultShown() => Default switch
    {
        null => "—",
        bool b => b ? "`true`" : "`false`",
        Enum e => $"`{e.ToString().ToLowerInvariant()}`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        string { Length: 0 } => "—",
        var other => $"`{other}`",
    };
}
