using System.Collections.Concurrent;
using MicroPrompt.Testing;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Scripted model behaviour keyed by prompt title: each request is answered with the next reply queued for the
/// title found in its messages, whatever order concurrent requests arrive in. Unknown requests get a 500.
/// </summary>
public sealed class ModelScript
{
    /// <summary>What a judge request (the reviewer's rubric in its system message) gets when no judge reply is queued.</summary>
    public const string DefaultJudgeReply =
        "{\"errorHandling\": 0.8, \"resourceCleanup\": 1.0, \"inputValidation\": 0.6, \"cancellation\": null, \"noHardCodedAnswers\": 1.0, \"reason\": \"scripted\"}";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedReply>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ScriptedReply> _judgeReplies = new();

    /// <summary>Queues raw judge replies (answered in order to judge requests, whatever the item).</summary>
    public ModelScript Judge(params string[] replies)
    {
        foreach (var reply in replies)
        {
            _judgeReplies.Enqueue(ScriptedReply.Completion(reply, promptTokens: 40, completionTokens: 10));
        }

        return this;
    }

    /// <summary>Whether <paramref name="request"/> is a judge call (not a generation).</summary>
    /// <summary>A dependability check's request for edge-case probe inputs (docs/probes.md), not a generation.</summary>
    public static bool IsProbeProposal(RecordedRequest request) =>
        request.Messages.Any(m => m.Role == "system" && m.Content.Contains("You test specifications of small C# components", StringComparison.Ordinal));

    public static bool IsJudge(RecordedRequest request) =>
        request.Messages.Any(m => m.Role == "system" && m.Content.Contains("code reviewer grading the robustness", StringComparison.Ordinal));

    public ModelScript Reply(string title, params string[] codeReplies)
        => Replies(title, codeReplies.Select(Code).ToArray());

    /// <summary>Queues any replies (faults included) for the prompt titled <paramref name="title"/>.</summary>
    public ModelScript Replies(string title, params ScriptedReply[] replies)
    {
        var queue = _replies.GetOrAdd(title, _ => new ConcurrentQueue<ScriptedReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }

        return this;
    }

    /// <summary>A completion carrying <paramref name="code"/> in one csharp block.</summary>
    public static ScriptedReply Code(string code)
        => ScriptedReply.Completion("Here is the code:\n\n```csharp\n" + code.Trim() + "\n```\n", promptTokens: 100, completionTokens: 50);

    public ScriptedReply Respond(RecordedRequest request)
    {
        if (IsJudge(request))
        {
            return _judgeReplies.TryDequeue(out var judged) ? judged : ScriptedReply.Completion(DefaultJudgeReply, promptTokens: 40, completionTokens: 10);
        }

        var text = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
        foreach (var (title, queue) in _replies.OrderByDescending(kv => kv.Key.Length))
        {
            if (text.Contains("# " + title, StringComparison.Ordinal) && queue.TryDequeue(out var reply))
            {
                return reply;
            }
        }

        return ScriptedReply.Error(500, "the test script has no reply for this request");
    }

    /// <summary>Chat requests whose user messages mention <paramref name="title"/>.</summary>
    public static IReadOnlyList<RecordedRequest> For(ScriptedModelServer server, string title)
        => server.ChatRequests.Where(r => !IsJudge(r) && r.Messages.Any(m => m.Role == "user" && m.Content.Contains("# " + title, StringComparison.Ordinal))).ToList();
}
