namespace MicroPrompt.Store;

/// <summary>One item's resolution in <c>lock.json</c>: which prompt, model and key produced which code.</summary>
public sealed class LockEntry
{
    /// <summary>SHA-256 (hex) of the normalized prompt text.</summary>
    public string PromptHash { get; set; } = "";

    /// <summary>The model id the build asked for.</summary>
    public string Model { get; set; } = "";

    /// <summary>The model id the service reported, when it differs or is more precise.</summary>
    public string? ReportedModel { get; set; }

    /// <summary>The provider kind (openai, ollama, azure-openai) that produced the code — never its URL.</summary>
    public string? Provider { get; set; }

    /// <summary>The generation key (see <c>GenerationKey</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>SHA-256 (hex) of the resolved code.</summary>
    public string CodeHash { get; set; } = "";

    /// <summary>The resolved code's file, relative to the store folder, '/' separated.</summary>
    public string CodeFile { get; set; } = "";

    public LockUsage Usage { get; set; } = new();

    /// <summary>The grade recorded when the code was generated (null in entries written before grading existed).</summary>
    public LockGrade? Grade { get; set; }

    /// <summary>Capabilities the code uses (network, filesystem, …), sorted; null in entries written before they were recorded.</summary>
    public List<string>? Capabilities { get; set; }

    /// <summary>When the code was generated (UTC, ISO 8601).</summary>
    public DateTimeOffset GeneratedAt { get; set; }

    /// <summary>The SDK version that generated it.</summary>
    public string GeneratorVersion { get; set; } = "";
}
