using System.Text;

namespace Starter.Text;

/// <summary>The initials of a name.</summary>
public static class Initials
{
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder();
        var atWordStart = true;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                atWordStart = true;
            }
            else if (atWordStart)
            {
                builder.Append(char.ToUpperInvariant(c));
                atWordStart = false;
            }
        }

        return builder.ToString();
    }
}
