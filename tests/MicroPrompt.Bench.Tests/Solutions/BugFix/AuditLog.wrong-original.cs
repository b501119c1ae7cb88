// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class AuditLog
{
    /// <summary>Appends one line to the audit file (created when missing).</summary>
    public static void Append(string path, string line)
    {
        var writer = new StreamWriter(path, append: true);
        writer.WriteLine(line);
    }
}
