namespace MicroPrompt.Generation;

/// <summary>A prompt this one <c>uses</c>: its resolved code, which the model sees (as public API) and the compile check includes.</summary>
public sealed record UsedItem(string ItemPath, string Namespace, string Code);
