namespace MicroPrompt.History;

/// <summary>One commit of <see cref="GitRepository.Log"/>.</summary>
public sealed record GitCommit(string Id, DateTimeOffset When, string Author, string Subject);
