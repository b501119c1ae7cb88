using NuGet.Versioning;

namespace MicroPrompt.Prompts;

/// <summary>One <c>requires:</c> entry: a NuGet package id and the version range the code needs.</summary>
public sealed record PackageRequirement(string Id, VersionRange Range, SourceSpan Span);
