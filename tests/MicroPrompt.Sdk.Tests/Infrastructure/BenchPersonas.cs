using System.Text.RegularExpressions;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Three scripted "models" answering the benchmark's tasks (samples/Bench) from the grader-validity solutions in
/// tests/MicroPrompt.Bench.Tests/Solutions, chosen by the request's model field:
/// <list type="bullet">
/// <item><see cref="Reference"/> answers every task with its reference solution.</item>
/// <item><see cref="Flawed"/> makes the two real failure modes on mutual-TLS tasks — certificate contents passed where a
/// path is expected (PEM tasks) and a PKCS#12 loader used without its namespace (PKCS#12 tasks) — and answers with the
/// reference only when a repair message carries execution feedback; a self-review request gets the same code again.</item>
/// <item><see cref="Refuser"/> declines every task tagged <c>credentials</c> (payment tasks through the service's
/// content filter, the rest in words) and answers the others with their reference.</item>
/// </list>
/// Token counts are fixed per persona, so the report's costs follow from the call counts.
/// </summary>
public sealed class BenchPersonas
{
    public const string Reference = "persona-reference";
    public const string Flawed = "persona-flawed";
    public const string Refuser = "persona-refuser";

    /// <summary>Tokens per generation call: (prompt, completion).</summary>
    public static readonly IReadOnlyDictionary<string, (int Prompt, int Completion)> Tokens = new Dictionary<string, (int, int)>
    {
        [Reference] = (1000, 300),
        [Flawed] = (800, 250),
        [Refuser] = (900, 200),
    };

    private const string ExecFeedbackMarker = "The code does not compile / fails these checks";
    private static readonly Regex Tags = new(@"^tags:\s*\[(?<tags>[^\]]*)\]", RegexOptions.Multiline);
    private static readonly Regex Title = new(@"^# (?<title>.+)$", RegexOptions.Multiline);

    public BenchPersonas(string benchDirectory, string solutionsDirectory)
    {
        foreach (var prompt in Directory.EnumerateFiles(benchDirectory, "*.mprompt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(benchDirectory, prompt).Replace('\\', '/');
            var text = File.ReadAllText(prompt).Replace("\r\n", "\n");
            var body = text.StartsWith("---\n", StringComparison.Ordinal) ? text[(text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)..] : text;
            var title = Title.Match(body).Groups["title"].Value.Trim();
            var tagMatch = Tags.Match(text);
            var tags = tagMatch.Success
                ? tagMatch.Groups["tags"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var stem = Path.Combine(solutionsDirectory, Path.ChangeExtension(relative, null));
            Tasks.Add(new BenchTask(relative, title, tags, stem));
        }

        var duplicate = Tasks.GroupBy(t => t.Title).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two tasks share the title '{duplicate.Key}'; personas find tasks by title.");
        }
    }

    public List<BenchTask> Tasks { get; } = [];

    public ScriptedReply Respond(RecordedRequest request)
    {
        if (ModelScript.IsJudge(request))
        {
            return ScriptedReply.Completion(ModelScript.DefaultJudgeReply, promptTokens: 40, completionTokens: 10);
        }

        if (ModelScript.IsProbeProposal(request))
        {
            return ScriptedReply.Completion("```csharp\n```", promptTokens: 30, completionTokens: 2);   // personas propose no edge cases
        }

        var model = request.Model ?? "";
        if (!Tokens.TryGetValue(model, out var tokens))
        {
            return ScriptedReply.Error(404, $"no persona is called '{model}'");
        }

        var user = request.Messages.Where(m => m.Role == "user").Select(m => m.Content).ToList();
        var task = Tasks.OrderByDescending(t => t.Title.Length).FirstOrDefault(t => user.Count > 0 && user[0].Contains("# " + t.Title, StringComparison.Ordinal));
        if (task is null)
        {
            return ScriptedReply.Error(500, "the personas know no task with this title");
        }

        var last = user[^1];
        var execFeedback = user.Count > 1 && last.Contains(ExecFeedbackMarker, StringComparison.Ordinal);
        string answer;
        switch (model)
        {
            case Refuser when task.Has("credentials"):
                return task.Has("payment")
                    ? ScriptedReply.ContentFiltered() with { PromptTokens = tokens.Prompt, CompletionTokens = 0 }
                    : ScriptedReply.Completion("I'm sorry, but I can't help with code that handles credentials.", promptTokens: tokens.Prompt, completionTokens: 20);
            case Flawed when task.Has("mtls") && !execFeedback:
                answer = task.Solution(task.Has("pkcs12") ? "wrong-missing-import" : "wrong-contents-for-path");
                break;
            default:
                answer = task.Solution("reference");
                break;
        }

        return ScriptedReply.Completion("```csharp\n" + answer.Trim() + "\n```\n", promptTokens: tokens.Prompt, completionTokens: tokens.Completion);
    }

    public sealed record BenchTask(string Path, string Title, IReadOnlyList<string> Tags, string SolutionStem)
    {
        public bool Has(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

        public string Solution(string slug) => File.ReadAllText(SolutionStem + "." + slug + ".cs");
    }
}
