namespace MicroPrompt.Settings;

/// <summary>How one kind of setting parses: its kind, what it allows (for messages) and the parser of trimmed, non-blank text.</summary>
internal sealed record SettingType<T>(SettingKind Kind, string Allowed, Func<string, (bool Ok, T Value)> Parse);
