using System.Text.RegularExpressions;
using MicroPrompt.Testing;

namespace MicroPrompt.ReplayServer;

/// <summary>Hand-written answers by prompt title; a request is matched by the "# Title" heading in its user messages.</summary>
internal sealed partial class AnswerBook
{
    private readonly Dictionary<string, string> _answers;

    public AnswerBook(string directory)
    {
        _answers = Directory.EnumerateFiles(directory, "*.cs")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _answers.Count;

    public ScriptedReply Respond(RecordedRequest request, string reportedModel, TimeSpan latency)
    {
        var text = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
        foreach (Match match in Heading().Matches(text))
        {
            var title = match.Groups[1].Value.Trim();
            if (_answers.TryGetValue(title, out var code) || _answers.TryGetValue(title.Replace(' ', '-'), out code))
            {
                var usage = (Prompt: text.Length / 4, Completion: code.Length / 4); // a rough token estimate for the report
                return ScriptedReply.Completion("```csharp\n" + code.Trim() + "\n```\n", usage.Prompt, usage.Completion, model: reportedModel) with { Delay = latency };
            }
        }

        return ScriptedReply.Error(404, "no replay answer for this prompt; add <Title>.cs to the answers folder");
    }

    [GeneratedRegex(@"^# (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
