namespace MicroPrompt.Testing;

/// <summary>One chat message as a client sent it: its role (<c>system</c>, <c>user</c>, <c>assistant</c>, …) and its text.</summary>
/// <remarks>Content sent as an array of parts is flattened: the <c>text</c> of every text part, joined without separator.</remarks>
public sealed record RecordedMessage(string Role, string Content);
