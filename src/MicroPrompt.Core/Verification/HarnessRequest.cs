namespace MicroPrompt.Verification;

/// <summary>One request line to the harness (the wire shape MicroPrompt.ExampleHost reads).</summary>
internal sealed class HarnessRequest
{
    public string Op { get; set; } = "run";

    public int Id { get; set; }

    public string? Nonce { get; set; }

    public int ParentProcessId { get; set; }

    public List<string>? RuntimePaths { get; set; }

    public string? Assembly { get; set; }

    public string? Method { get; set; }

    public bool Program { get; set; }

    public List<string>? Args { get; set; }

    public string? Stdin { get; set; }

    public string? Directory { get; set; }
}
