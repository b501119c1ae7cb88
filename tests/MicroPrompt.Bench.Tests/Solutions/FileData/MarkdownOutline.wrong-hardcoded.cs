// WRONG: returns the first example's outline whatever the document.
namespace Bench.FileData;

public static class MarkdownOutline
{
    public static string Build(string markdown) => "- Guide\n  - Install\n    - Linux\n  - Use";
}
