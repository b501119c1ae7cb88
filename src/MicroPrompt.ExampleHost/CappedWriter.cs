using System.Text;

namespace MicroPrompt.ExampleHost;

/// <summary>A text writer that keeps the first <c>limit</c> characters and drops the rest (a print loop cannot exhaust memory).</summary>
internal sealed class CappedWriter(int limit) : TextWriter
{
    private readonly StringBuilder _text = new();

    public bool Truncated { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            if (_text.Length < limit)
            {
                _text.Append(value);
            }
            else
            {
                Truncated = true;
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_text)
        {
            var room = limit - _text.Length;
            if (value.Length <= room)
            {
                _text.Append(value);
            }
            else
            {
                _text.Append(value, 0, Math.Max(0, room));
                Truncated = true;
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
