namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>The endpoint URL and provider name a build is pointed at.</summary>
public sealed record ScriptedEndpoint(string Url, string Provider = "openai");
