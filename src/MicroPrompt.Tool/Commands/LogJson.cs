using MicroPrompt.History;
using MicroPrompt.Store;

namespace MicroPrompt.Tool.Commands;

/// <summary>The <c>log --json</c> document (docs/tool-history.schema.json, definition <c>log</c>).</summary>
public sealed record LogJson(string Project, string Item, IReadOnlyList<LogJson.Entry> Entries)
{
    public string Command => "log";

    /// <summary>One resolution; <see cref="PromptDiff"/> and <see cref="CodeDiff"/> only with <c>--patch</c> (against the next older entry).</summary>
    public sealed record Entry(
        int Index, HistorySource Source, string? Revision, string? Subject, DateTimeOffset When, string Model, string? Origin,
        string Key, string PromptHash, string CodeHash, string? Base, int Passes, long InputTokens, long OutputTokens,
        decimal? CostUsd, LockGrade? Grade, string? PromptDiff, string? CodeDiff)
    {
        public static Entry Of(HistoryEntry e, (string Prompt, string Code)? patch) => new(
            e.Index, e.Source, e.Revision, e.Subject, e.When, e.Model, e.Origin, e.Key, e.PromptHash, e.CodeHash, e.Base,
            e.Passes, e.InputTokens, e.OutputTokens, e.CostUsd, e.Grade, patch?.Prompt, patch?.Code);
    }
}
