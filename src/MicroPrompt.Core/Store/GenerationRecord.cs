namespace MicroPrompt.Store;

/// <summary>One generation as kept in the user cache (and, later, a shared cache): code plus provenance.</summary>
public sealed class GenerationRecord
{
    public string Key { get; set; } = "";

    public string Code { get; set; } = "";

    /// <summary>SHA-256 (hex) of <see cref="Code"/>; verified on every read.</summary>
    public string CodeHash { get; set; } = "";

    public string Model { get; set; } = "";

    public string? ReportedModel { get; set; }

    public string? Provider { get; set; }

    public LockUsage Usage { get; set; } = new();

    /// <summary>The grade recorded when the code was generated (null in entries written before grading existed).</summary>
    public LockGrade? Grade { get; set; }

    /// <summary>Capabilities the code uses (network, filesystem, …), sorted; null in entries written before they were recorded.</summary>
    public List<string>? Capabilities { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public string GeneratorVersion { get; set; } = "";

    /// <summary>How the code came about (<see cref="LockOrigins"/>); null in entries written before it was recorded.</summary>
    public string? Origin { get; set; }

    /// <summary>The code hash an edit started from (origin <c>edited</c>), or null.</summary>
    public string? Base { get; set; }

    /// <summary>A shallow copy (to change a field without touching the original).</summary>
    public GenerationRecord Copy() => (GenerationRecord)MemberwiseClone();

    /// <summary>The record of a resolved-state entry whose <paramref name="code"/> was verified against its hash.</summary>
    public static GenerationRecord Of(LockEntry entry, string code) => new()
    {
        Key = entry.Key, Code = code, CodeHash = entry.CodeHash, Model = entry.Model, ReportedModel = entry.ReportedModel,
        Provider = entry.Provider, Usage = entry.Usage, Grade = entry.Grade, Capabilities = entry.Capabilities,
        GeneratedAt = entry.GeneratedAt, GeneratorVersion = entry.GeneratorVersion, Base = entry.Base, Origin = entry.Origin,
    };
}
