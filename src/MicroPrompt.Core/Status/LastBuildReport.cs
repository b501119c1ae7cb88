using System.Text.Json;

namespace MicroPrompt.Status;

/// <summary>Reads the last build's <c>report.json</c> for the items it says failed (or were refused or skipped).</summary>
internal static class LastBuildReport
{
    private static readonly string[] FailedStatuses = ["failed", "refused", "skipped"];

    public static IReadOnlySet<string> FailedItems(string? reportDirectory)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var path = string.IsNullOrWhiteSpace(reportDirectory) ? null : Path.Combine(reportDirectory, "report.json");
        if (path is null || !File.Exists(path))
        {
            return failed;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            if (json.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.TryGetProperty("path", out var p) && item.TryGetProperty("status", out var s)
                        && FailedStatuses.Contains(s.GetString()) && p.GetString() is { } itemPath)
                    {
                        failed.Add(itemPath.Replace('\\', '/'));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
        {
            // An unreadable report tells nothing; status still works from the lock.
        }

        return failed;
    }
}
