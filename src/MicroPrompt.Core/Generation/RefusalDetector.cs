using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>Recognises a model declining the task: a refusal part marked by the service, or refusal wording.</summary>
internal static class RefusalDetector
{
    private static readonly Regex RefusalWording = new(
        @"\bI(\s+cannot|\s+can\s+not|\s+can't|\s+won't|\s+will\s+not|\s+am\s+unable\s+to|'m\s+unable\s+to"
        + @"|\s+am\s+not\s+able\s+to|'m\s+not\s+able\s+to)\s+"
        + @"(help|assist|comply|provide|fulfil|fulfill|do\s+that|write\s+that|create\s+that|generate\s+that)\b"
        + @"|\bI\s+must\s+(decline|refuse)\b"
        + @"|\b(I'm|I\s+am)\s+sorry,?\s+but\s+I\s+(can't|cannot|can\s+not|won't|will\s+not)\b"
        + @"|\bI\s+apologi[sz]e,?\s+but\s+I\s+(can't|cannot|can\s+not|won't|will\s+not)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The refusal text the service marked as such (OpenAI's <c>refusal</c> field), or null.</summary>
    public static string? MarkedRefusal(ChatResponse response)
    {
        var marked = response.Messages
            .SelectMany(m => m.Contents)
            .OfType<ErrorContent>()
            .FirstOrDefault(e => string.Equals(e.ErrorCode, "Refusal", StringComparison.OrdinalIgnoreCase));
        return marked is null ? null : marked.Message ?? "";
    }

    /// <summary>True when <paramref name="text"/> (a reply with no code in it) reads as a refusal.</summary>
    public static bool IsRefusalWording(string text) =>
        RefusalWording.IsMatch(text.Replace('\u2019', '\''));
}
