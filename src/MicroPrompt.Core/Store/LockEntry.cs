namespace MicroPrompt.Store;

/// <summary>One item's resolution in <c>lock.json</c>: which prompt, model and key produced which code (see docs/lock-format.md).</summary>
public sealed record LockEntry
{
    private SortedDictionary<string, string>? _inputs;

    /// <summary>SHA-256 (hex) of the normalized prompt text.</summary>
    public string PromptHash { get; init; } = "";

    /// <summary>The model id the build asked for.</summary>
    public string Model { get; init; } = "";

    /// <summary>The model id the service reported, when it differs or is more precise.</summary>
    public string? ReportedModel { get; init; }

    /// <summary>The provider kind (openai, ollama, azure-openai) that produced the code — never its URL.</summary>
    public string? Provider { get; init; }

    /// <summary>The generation key (see <c>GenerationKey</c>).</summary>
    public string Key { get; init; } = "";

    /// <summary>SHA-256 (hex) of the resolved code.</summary>
    public string CodeHash { get; init; } = "";

    /// <summary>
    /// The resolved code's file, relative to the store folder, '/' separated: <c>code/Text/Slug.cs</c> in version 2,
    /// <c>code/Text/Slug.632f5e36d3ae.cs</c> in entries written by version 1. Always verified against <see cref="CodeHash"/>.
    /// </summary>
    public string CodeFile { get; init; } = "";

    /// <summary>How this resolution came about: one of <see cref="LockOrigins"/> (null in version 1 entries).</summary>
    public string? Origin { get; init; }

    /// <summary>The code hash the resolution's edit started from (origin <c>edited</c>), or null.</summary>
    public string? Base { get; init; }

    /// <summary>
    /// One SHA-256 (hex) per key input (<c>KeyInputHashes</c>: prompt, model, template, …, <c>requires:&lt;id&gt;</c>,
    /// <c>uses:&lt;item&gt;</c>), sorted ordinally; null in version 1 entries. Tells which input changed a key.
    /// </summary>
    public SortedDictionary<string, string>? Inputs
    {
        get => _inputs;
        init => _inputs = value is null ? null : new SortedDictionary<string, string>(value, StringComparer.Ordinal);
    }

    /// <summary>
    /// What the build read from the prompt's front matter to plan it, with the hash of the text it was read from
    /// (<see cref="LockFrontMatter"/>); null in entries written before it was recorded. Lets an unchanged prompt be
    /// planned without parsing it; the key is still computed and compared as for any other item.
    /// </summary>
    public LockFrontMatter? FrontMatter { get; init; }

    public LockUsage Usage { get; init; } = new();

    /// <summary>The grade recorded when the code was generated (null in entries written before grading existed).</summary>
    public LockGrade? Grade { get; init; }

    /// <summary>Capabilities the code uses (network, filesystem, …), sorted; null in entries written before they were recorded.</summary>
    public List<string>? Capabilities { get; init; }

    /// <summary>
    /// The assumptions the model made where the prompt is silent, as it stated them (a few short lines); null — and
    /// absent from the file — when it gave none. Not part of the code hash or of any key: recorded so a pull request
    /// shows them in the lock diff.
    /// </summary>
    public List<string>? Assumptions { get; init; }

    /// <summary>When the code was generated (UTC, ISO 8601).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The SDK version that generated it.</summary>
    public string GeneratorVersion { get; init; } = "";

    /// <summary>
    /// The entry that records <paramref name="record"/> for an item: its code at <paramref name="codeFile"/>, the key
    /// inputs <paramref name="inputs"/> (null: not recorded) and what planning read from the front matter
    /// (<paramref name="frontMatter"/>, null: not recorded). The one mapping from a record to a lock entry: every field
    /// of the record is carried over except its code, which lives in <paramref name="codeFile"/>.
    /// </summary>
    public static LockEntry Of(GenerationRecord record, string promptHash, string codeFile, SortedDictionary<string, string>? inputs, LockFrontMatter? frontMatter = null) => new()
    {
        PromptHash = promptHash, Model = record.Model, ReportedModel = record.ReportedModel, Provider = record.Provider,
        Key = record.Key, CodeHash = record.CodeHash, CodeFile = codeFile, Usage = record.Usage, Grade = record.Grade,
        Capabilities = record.Capabilities, Assumptions = record.Assumptions, GeneratedAt = record.GeneratedAt, GeneratorVersion = record.GeneratorVersion,
        Inputs = inputs,
        Origin = record.Origin, Base = record.Base, FrontMatter = frontMatter,
    };
}
