namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Marks an end-to-end class that takes a minute or more (measured): <see cref="LongestFirstOrderer"/> starts these
/// classes before the others, so the run does not end waiting for a long class that started last. Ordering only.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningAttribute : Attribute;
