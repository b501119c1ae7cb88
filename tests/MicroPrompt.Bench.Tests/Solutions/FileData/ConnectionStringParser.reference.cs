using System.Text;

namespace Bench.FileData;

public static class ConnectionStringParser
{
    public static IReadOnlyDictionary<string, string> Parse(string connectionString)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        var s = connectionString;
        while (i < s.Length)
        {
            var keyEnd = i;
            while (keyEnd < s.Length && s[keyEnd] != '=' && s[keyEnd] != ';')
            {
                keyEnd++;
            }

            var key = s[i..keyEnd].Trim();
            if (keyEnd >= s.Length || s[keyEnd] == ';')
            {
                if (key.Length > 0)
                {
                    throw new FormatException($"'{key}' has no '='.");
                }

                i = keyEnd + 1;
                continue;
            }

            if (key.Length == 0)
            {
                throw new FormatException("A key is empty.");
            }

            i = keyEnd + 1;
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < s.Length && s[i] == '\'')
            {
                var builder = new StringBuilder();
                i++;
                var closed = false;
                while (i < s.Length)
                {
                    if (s[i] == '\'')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '\'')
                        {
                            builder.Append('\'');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    builder.Append(s[i++]);
                }

                if (!closed)
                {
                    throw new FormatException($"The value of '{key}' has no closing quote.");
                }

                value = builder.ToString();
                while (i < s.Length && s[i] != ';')
                {
                    i++;
                }
            }
            else
            {
                var end = s.IndexOf(';', i);
                if (end < 0)
                {
                    end = s.Length;
                }

                value = s[i..end].Trim();
                i = end;
            }

            result[key] = value;
            i++;
        }

        return result;
    }
}
