// WRONG: appends the first example's line whatever it is given.
namespace Bench.BugFix;

public static class AuditLog
{
    public static void Append(string path, string line) => File.AppendAllText(path, "first" + Environment.NewLine);
}
