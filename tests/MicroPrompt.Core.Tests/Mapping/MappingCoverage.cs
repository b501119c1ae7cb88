using System.Collections;
using System.Reflection;

namespace MicroPrompt.Core.Tests.Mapping;

/// <summary>
/// Checks that a mapping between two types carries every property of its source: each public property of the source
/// type is either checked against the target (and set to a non-default value in the sample, so the check can fail) or
/// named, with the reason, as deliberately unmapped. A property added to the source type fails the test until it is
/// mapped or listed.
/// </summary>
internal static class MappingCoverage
{
    /// <param name="sample">A source value whose checked properties are all set (not null, 0, false, empty or default).</param>
    /// <param name="target">The mapping's result for <paramref name="sample"/>.</param>
    /// <param name="checks">Per source property: an assertion that its value arrived in the target.</param>
    /// <param name="unmapped">Per source property deliberately not carried over: why.</param>
    public static void Assert<TSource, TTarget>(
        TSource sample,
        TTarget target,
        IReadOnlyDictionary<string, Action<TTarget>> checks,
        IReadOnlyDictionary<string, string> unmapped)
    {
        var properties = Properties(typeof(TSource));
        var names = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => !checks.ContainsKey(n) && !unmapped.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        Xunit.Assert.True(missing.Count == 0,
            $"{typeof(TSource).Name} → {typeof(TTarget).Name}: {string.Join(", ", missing)} is neither mapped nor listed as deliberately unmapped. "
            + "Map it in the one mapping next to the types (and check it here), or list it with the reason.");
        var stale = checks.Keys.Concat(unmapped.Keys).Where(n => !names.Contains(n)).ToList();
        Xunit.Assert.True(stale.Count == 0, $"{typeof(TSource).Name} has no property {string.Join(", ", stale)} any more: remove it from the test.");
        var both = checks.Keys.Where(unmapped.ContainsKey).ToList();
        Xunit.Assert.True(both.Count == 0, $"{string.Join(", ", both)} is both checked and listed as unmapped.");

        foreach (var property in properties.Where(p => checks.ContainsKey(p.Name)))
        {
            Xunit.Assert.False(IsDefault(property.GetValue(sample)),
                $"The sample {typeof(TSource).Name} leaves {property.Name} at its default: set it, or its check cannot fail.");
            checks[property.Name](target);
        }
    }

    /// <summary>Asserts every public property of <paramref name="value"/> is set, except <paramref name="except"/>.</summary>
    public static void AllSet<T>(T value, params string[] except)
    {
        var unset = Properties(typeof(T)).Where(p => !except.Contains(p.Name) && IsDefault(p.GetValue(value))).Select(p => p.Name).ToList();
        Xunit.Assert.True(unset.Count == 0, $"The mapping leaves {typeof(T).Name}.{string.Join(", ", unset)} unset.");
    }

    private static List<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToList();

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IEnumerable e => !e.Cast<object?>().Any(),
        _ when value.GetType().IsValueType => value.Equals(Activator.CreateInstance(value.GetType())),
        _ => false,
    };
}
