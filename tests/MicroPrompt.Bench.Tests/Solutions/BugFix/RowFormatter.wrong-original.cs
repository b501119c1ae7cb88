// WRONG: the defective code from the prompt, unchanged.
using System.Text;

namespace Bench.BugFix;

public static class RowFormatter
{
    private static readonly StringBuilder Buffer = new();

    /// <summary>Formats fields as one pipe-separated row: "a | b | c".</summary>
    public static string Format(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                Buffer.Append(" | ");
            }

            Buffer.Append(fields[i]);
        }

        return Buffer.ToString();
    }
}
