namespace MicroPrompt.Capabilities;

/// <summary>One place generated code uses a capability: which, through what API, where (1-based, in the generated file).</summary>
/// <param name="Capability">One of <see cref="CapabilityNames.All"/>.</param>
/// <param name="Api">The API used, e.g. <c>System.IO.File.ReadAllText</c>.</param>
public sealed record CapabilityUse(string Capability, string Api, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Api} ({Line},{Column})";
}
