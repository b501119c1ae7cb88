using System.Text.Json.Serialization;

namespace MicroPrompt.Api;

/// <summary>
/// One difference between the public surfaces of two versions of an item's code (<see cref="PublicApiDiff"/>). In JSON:
/// <c>{ "kind": "removed", "symbol": "Greeter.Hello(string)", "old": "string Greeter.Hello(string)" }</c> (<c>old</c>
/// absent for an addition, <c>new</c> for a removal).
/// </summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Symbol">The symbol as people write it: <c>Greeter.Hello(string)</c>, a type with its namespace
/// (<c>Acme.Greeter</c>). The previous version's for a removal or a change.</param>
/// <param name="OldSignature">The previous normalized declaration (<c>static string Slug.Make(string)</c>); null for an addition.</param>
/// <param name="NewSignature">The new normalized declaration; null for a removal.</param>
public sealed record ApiChange(
    [property: JsonPropertyName("kind")] ApiChangeKind Kind,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("old"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OldSignature,
    [property: JsonPropertyName("new"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NewSignature)
{
    /// <summary>1-based line of the declaration in the new code (an addition or a change); null for a removal.</summary>
    [JsonIgnore]
    public int? Line { get; init; }

    /// <summary>1-based column of the declaration in the new code (an addition or a change); null for a removal.</summary>
    [JsonIgnore]
    public int? Column { get; init; }

    /// <summary>The previous declaration's identity against a contract (<see cref="ApiEntry.ContractKey"/>).</summary>
    internal string? OldContractKey { get; init; }

    /// <summary>The new declaration's identity against a contract.</summary>
    internal string? NewContractKey { get; init; }

    /// <summary>The new declaration's shape as a contract would declare it (<see cref="ApiEntry.Shape"/>).</summary>
    internal string? NewShape { get; init; }

    /// <summary>The compact form of <see cref="ApiChangeFormatter.Compact"/>.</summary>
    public override string ToString() => ApiChangeFormatter.Compact(this);
}
