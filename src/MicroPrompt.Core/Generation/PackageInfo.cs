namespace MicroPrompt.Generation;

/// <summary>A package the project references, with the version restore resolved.</summary>
public sealed record PackageInfo(string Id, string Version);
