namespace MicroPrompt.Bench.Support;

/// <summary>A note created with <c>POST /v1/notes</c>.</summary>
public sealed record MockNote(string Id, string Text);
