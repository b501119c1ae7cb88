namespace MicroPrompt.ExampleHost;

/// <summary>One line of the job the parent writes to stdin.</summary>
internal sealed class HostRequest
{
    /// <summary><c>init</c>, <c>run</c>, <c>probe</c> or <c>unload</c>.</summary>
    public string Op { get; set; } = "";

    /// <summary>Run: echoed in the reply.</summary>
    public int Id { get; set; }

    /// <summary>Init: prefix of every reply line, so output the examples write themselves is never taken for a reply.</summary>
    public string? Nonce { get; set; }

    /// <summary>Init: the build process; the harness exits when it is gone (never outlives a crashed or killed build).</summary>
    public int ParentProcessId { get; set; }

    /// <summary>Init: implementation assemblies the examples may load (package and project references).</summary>
    public List<string>? RuntimePaths { get; set; }

    /// <summary>Run/unload: the test assembly.</summary>
    public string? Assembly { get; set; }

    /// <summary>Run (library) / probe: the method of <c>MicroPrompt.Examples.ExampleMethods</c>.</summary>
    public string? Method { get; set; }

    /// <summary>Run: whether to call the assembly's entry point (a program example).</summary>
    public bool Program { get; set; }

    public List<string>? Args { get; set; }

    public string? Stdin { get; set; }

    /// <summary>Run: the working directory.</summary>
    public string? Directory { get; set; }
}
