// WRONG: returns a fixed dictionary built from the first example.
namespace Bench.FileData;

public static class IniFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text) => new Dictionary<string, string>
    {
        ["name"] = "demo",
        ["server.host"] = "example.org",
        ["server.port"] = "8080",
    };
}
