using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// The probe values of a parameter type, as C# expressions, the first being the ordinary value the other parameters
/// keep while one varies: strings empty, whitespace, very long, non-ASCII, with quoted separators; numbers 0, −1, 1, min, max; doubles also
/// −0.5 and NaN; both booleans; every member of a contract enum; collections with one element, none, and two (the
/// element type's first two values); dictionaries with one entry and none; callbacks (<c>Func</c>/<c>Action</c>) that
/// return an ordinary value and that throw; <c>null</c> where the type allows it. Null for a type it knows nothing to
/// try with (the method is then not probed).
/// </summary>
internal sealed class ProbeValues(IReadOnlyDictionary<string, IReadOnlyList<string>> enums, bool nullableReferences)
{
    public const string LongString = "new string('a', 10000)";

    /// <summary>Separators and quoting: a comma and a semicolon inside quotes, two '='.</summary>
    public const string Punctuated = "\"a,\\\"b,c\\\";d=e=f\"";

    private static readonly string[] Strings = ["\"abc\"", "\"\"", "\" \"", "\" \\t\\n \"", LongString, "\"Ünïcødé ✓\"", "\"日本\"", Punctuated];

    private static readonly Dictionary<string, string[]> Scalars = new(StringComparer.Ordinal)
    {
        ["int"] = ["1", "0", "-1", "int.MinValue", "int.MaxValue"],
        ["long"] = ["1L", "0L", "-1L", "long.MinValue", "long.MaxValue"],
        ["short"] = ["(short)1", "(short)0", "(short)-1", "short.MinValue", "short.MaxValue"],
        ["sbyte"] = ["(sbyte)1", "(sbyte)0", "(sbyte)-1", "sbyte.MinValue", "sbyte.MaxValue"],
        ["byte"] = ["(byte)1", "(byte)0", "byte.MaxValue"],
        ["ushort"] = ["(ushort)1", "(ushort)0", "ushort.MaxValue"],
        ["uint"] = ["1U", "0U", "uint.MaxValue"],
        ["ulong"] = ["1UL", "0UL", "ulong.MaxValue"],
        ["double"] = ["1.5", "0.0", "-0.5", "double.NaN", "double.MaxValue"],
        ["float"] = ["1.5F", "0F", "-0.5F", "float.NaN", "float.MaxValue"],
        ["decimal"] = ["1.5M", "0M", "-0.5M", "decimal.MaxValue"],
        ["bool"] = ["true", "false"],
        ["char"] = ["'a'", "' '", "'\\0'", "'Ü'"],
        ["string"] = Strings,
        ["object"] = ["\"abc\"", "1"],
        ["TimeSpan"] = ["TimeSpan.FromSeconds(1)", "TimeSpan.Zero", "TimeSpan.FromSeconds(-1)", "TimeSpan.MaxValue"],
        ["DateTime"] = ["new DateTime(2024, 2, 29)", "DateTime.MinValue", "DateTime.MaxValue"],
        ["DateOnly"] = ["new DateOnly(2024, 2, 29)", "DateOnly.MinValue", "DateOnly.MaxValue"],
        ["Guid"] = ["Guid.Empty"],
        ["CancellationToken"] = ["default"],
        ["TextReader"] = ["new System.IO.StringReader(\"abc\")", "new System.IO.StringReader(\"\")"],
        ["Stream"] = ["new System.IO.MemoryStream(new byte[] { 97 })", "new System.IO.MemoryStream()"],
    };

    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        "int", "long", "short", "sbyte", "byte", "ushort", "uint", "ulong", "double", "float", "decimal", "bool", "char",
        "TimeSpan", "DateTime", "DateOnly", "Guid", "CancellationToken",
    };

    private static readonly HashSet<string> Sequences = new(StringComparer.Ordinal)
    {
        "IEnumerable", "IReadOnlyList", "IReadOnlyCollection", "IList", "ICollection",
    };

    private static readonly HashSet<string> Dictionaries = new(StringComparer.Ordinal)
    {
        "Dictionary", "IDictionary", "IReadOnlyDictionary",
    };

    /// <summary>The values to try, ordinary value first; null when there is none.</summary>
    public IReadOnlyList<string>? For(TypeSyntax type, int depth = 0)
    {
        if (depth > 2)
        {
            return null;
        }

        if (type is NullableTypeSyntax nullable)
        {
            return WithNull(For(nullable.ElementType, depth));
        }

        if (type is ArrayTypeSyntax array && array.RankSpecifiers.Count == 1 && array.RankSpecifiers[0].Rank == 1)
        {
            return Collection(item => $"new {array.ElementType}[] {{ {item} }}", $"new {array.ElementType}[0]", array.ElementType, type, depth);
        }

        var (name, arguments) = Split(type);
        if (arguments.Count == 1 && Sequences.Contains(name))
        {
            return Collection(item => $"new {arguments[0]}[] {{ {item} }}", $"new {arguments[0]}[0]", arguments[0], type, depth);
        }

        if (arguments.Count == 1 && name == "List")
        {
            return Collection(item => $"new List<{arguments[0]}> {{ {item} }}", $"new List<{arguments[0]}>()", arguments[0], type, depth);
        }

        if (arguments.Count == 2 && Dictionaries.Contains(name))
        {
            var key = For(arguments[0], depth + 1);
            var value = For(arguments[1], depth + 1);
            if (key is null || value is null)
            {
                return OrNull(type);
            }

            var dictionary = $"Dictionary<{arguments[0]}, {arguments[1]}>";
            return AllowsNull(type, name)
                ? [$"new {dictionary} {{ [{key[0]}] = {value[0]} }}", $"new {dictionary}()", "null"]
                : [$"new {dictionary} {{ [{key[0]}] = {value[0]} }}", $"new {dictionary}()"];
        }

        if (name == "Action" || (name == "Func" && arguments.Count > 0))
        {
            return Callback(name, arguments, type, depth);
        }

        if (arguments.Count == 1 && name is "Task" or "ValueTask")
        {
            return For(arguments[0], depth + 1) is { } results ? [$"{name}.FromResult({results[0]})"] : null;
        }

        if (arguments.Count == 0 && name is "Task" or "ValueTask")
        {
            return [name == "Task" ? "Task.CompletedTask" : "ValueTask.CompletedTask"];
        }

        if (arguments.Count == 0 && enums.TryGetValue(name, out var members) && members.Count > 0)
        {
            return members;
        }

        if (arguments.Count == 0 && Scalars.TryGetValue(name, out var scalars))
        {
            return AllowsNull(type, name) ? WithNull(scalars) : scalars;
        }

        return OrNull(type);
    }

    /// <summary>A callback that returns an ordinary value (or completes), and one that throws.</summary>
    private IReadOnlyList<string>? Callback(string name, IReadOnlyList<TypeSyntax> arguments, TypeSyntax type, int depth)
    {
        var inputs = name == "Func" ? arguments.Count - 1 : arguments.Count;
        var parameters = inputs == 1 ? "_" : "(" + string.Join(", ", Enumerable.Repeat("_", inputs)) + ")";
        string body;
        if (name == "Action")
        {
            body = "{ }";
        }
        else if (For(arguments[^1], depth + 1) is { } results)
        {
            body = results[0];
        }
        else
        {
            return OrNull(type);
        }

        return [$"{parameters} => {body}", $"{parameters} => throw new InvalidOperationException(\"probe\")"];
    }

    private IReadOnlyList<string>? Collection(Func<string, string> one, string empty, TypeSyntax element, TypeSyntax type, int depth)
    {
        var items = For(element, depth + 1);
        if (items is null)
        {
            return OrNull(type);
        }

        var values = new List<string> { one(items[0]), empty };
        if (items.Count > 1 && items[1] != "null")
        {
            values.Add(one($"{items[0]}, {items[1]}"));
        }

        if (AllowsNull(type, ""))
        {
            values.Add("null");
        }

        return values;
    }

    /// <summary>A type it cannot build: only null, when null is allowed.</summary>
    private string[]? OrNull(TypeSyntax type) => AllowsNull(type, Split(type).Name) ? ["null"] : null;

    /// <summary><c>T?</c>; without nullable annotations (<c>Nullable</c> off) every reference type.</summary>
    private bool AllowsNull(TypeSyntax type, string name)
        => type is NullableTypeSyntax || (!nullableReferences && !ValueTypes.Contains(name) && !enums.ContainsKey(name));

    private static IReadOnlyList<string>? WithNull(IReadOnlyList<string>? values)
        => values is null ? ["null"] : values.Contains("null") ? values : [.. values, "null"];

    private static (string Name, IReadOnlyList<TypeSyntax> Arguments) Split(TypeSyntax type)
    {
        if (type is PredefinedTypeSyntax predefined)
        {
            return (predefined.Keyword.Text, []);
        }

        SimpleNameSyntax? simple = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            SimpleNameSyntax name => name,
            _ => null,
        };

        return simple switch
        {
            GenericNameSyntax generic => (generic.Identifier.Text, generic.TypeArgumentList.Arguments.ToList()),
            IdentifierNameSyntax identifier => (TypeAlias(identifier.Identifier.Text), []),
            _ => ("", []),
        };
    }

    /// <summary>BCL names written in full (<c>String</c>, <c>Int32</c>) as their keywords.</summary>
    private static string TypeAlias(string name) => name switch
    {
        "String" => "string",
        "Int32" => "int",
        "Int64" => "long",
        "Int16" => "short",
        "Byte" => "byte",
        "Boolean" => "bool",
        "Double" => "double",
        "Single" => "float",
        "Decimal" => "decimal",
        "Char" => "char",
        "Object" => "object",
        _ => name,
    };
}
