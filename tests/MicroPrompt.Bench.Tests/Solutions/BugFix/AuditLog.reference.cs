namespace Bench.BugFix;

public static class AuditLog
{
    public static void Append(string path, string line)
    {
        using var writer = new StreamWriter(path, append: true);
        writer.WriteLine(line);
    }
}
