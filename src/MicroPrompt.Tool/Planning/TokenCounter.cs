using Microsoft.ML.Tokenizers;

namespace MicroPrompt.Tool.Planning;

/// <summary>
/// Counts tokens with Microsoft.ML.Tokenizers' tiktoken encodings: the model's own when the library knows it
/// (<c>o200k_base</c> for gpt-4o, gpt-4.1, o-series, gpt-5; <c>cl100k_base</c> for gpt-4, gpt-3.5), else
/// <c>o200k_base</c> as an approximation (said so in the output). Chat overhead: 3 tokens per message plus 3.
/// </summary>
public sealed class TokenCounter
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private readonly Dictionary<string, (Tokenizer Tokenizer, string Name)> _byModel = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tokenizer for <paramref name="model"/> and its name ("o200k_base", or "o200k_base (approximation)").</summary>
    public (Tokenizer Tokenizer, string Name) For(string model)
    {
        if (_byModel.TryGetValue(model, out var known))
        {
            return known;
        }

        (Tokenizer, string) result;
        try
        {
            var tokenizer = TiktokenTokenizer.CreateForModel(model);
            result = (tokenizer, model.StartsWith("gpt-4o", StringComparison.OrdinalIgnoreCase) || IsO200k(model) ? "o200k_base" : "cl100k_base");
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            result = (O200k.Value, "o200k_base (approximation: the model is not an OpenAI one)");
        }

        _byModel[model] = result;
        return result;
    }

    public long CountMessages(string model, IEnumerable<(string Role, string Text)> messages)
    {
        var tokenizer = For(model).Tokenizer;
        return messages.Sum(m => 3L + tokenizer.CountTokens(m.Text) + tokenizer.CountTokens(m.Role)) + 3;
    }

    public long Count(string model, string text) => For(model).Tokenizer.CountTokens(text);

    private static bool IsO200k(string model) =>
        model.StartsWith("gpt-4.1", StringComparison.OrdinalIgnoreCase) || model.StartsWith("gpt-5", StringComparison.OrdinalIgnoreCase)
        || model.StartsWith("o1", StringComparison.OrdinalIgnoreCase) || model.StartsWith("o3", StringComparison.OrdinalIgnoreCase)
        || model.StartsWith("o4", StringComparison.OrdinalIgnoreCase);
}
