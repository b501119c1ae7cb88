namespace MicroPrompt.Testing;

/// <summary>Which provider wire protocol a request recorded by <see cref="ScriptedModelServer"/> used.</summary>
public enum ModelProtocol
{
    /// <summary>A path none of the supported protocols uses.</summary>
    Unknown,

    /// <summary>
    /// OpenAI (and OpenAI-compatible) API under <c>/v1</c>, or a path ending in <c>/v1/chat/completions</c> or <c>/openai/chat/completions</c> under another root (OpenRouter's
    /// <c>/api/v1/chat/completions</c>, Gemini's <c>/v1beta/openai/chat/completions</c>).
    /// </summary>
    OpenAI,

    /// <summary>Azure OpenAI under <c>/openai/deployments/{deployment}</c> or <c>/openai/v1</c>.</summary>
    AzureOpenAI,

    /// <summary>Ollama's native API under <c>/api</c>.</summary>
    Ollama,

    /// <summary>Anthropic's Messages API: <c>POST /v1/messages</c> (headers <c>x-api-key</c>, <c>anthropic-version</c>).</summary>
    Anthropic,
}
