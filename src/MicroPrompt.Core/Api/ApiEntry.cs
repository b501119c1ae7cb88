using Microsoft.CodeAnalysis;

namespace MicroPrompt.Api;

/// <summary>
/// One type or member of a public surface (<see cref="ApiSurface"/>): how to match it, how it looks, where it is.
/// </summary>
/// <param name="Namespace">The type's namespace (<c>Acme.Text</c>), empty for none.</param>
/// <param name="TypePath">The type inside its namespace, nested types by their containers, arity after a backtick (<c>Outer.Box`1</c>).</param>
/// <param name="Member">The member's identity inside its type (name, arity and parameter types: <c>Make(string)</c>), null for the type itself.</param>
/// <param name="Name">What overloads share (<c>Make</c>, <c>.ctor</c>, <c>this[]</c>, <c>operator +</c>); the type's name for a type.</param>
/// <param name="Kind">A word for messages: <c>type</c>, <c>method</c>, <c>constructor</c>, <c>property</c>, …</param>
/// <param name="Display">The symbol as people write it: <c>Slug.Make(string)</c>, a type with its namespace (<c>Acme.Slug</c>).</param>
/// <param name="Signature">The normalized declaration shown in reports: <c>static string Slug.Make(string, char = …)</c>.</param>
/// <param name="Shape">What a change is detected on: the signature without the accessibility and with type parameters by position.</param>
/// <param name="IsProtected">Protected rather than public.</param>
/// <param name="Line">1-based line of the declaration's name.</param>
/// <param name="Column">1-based column of the declaration's name.</param>
/// <param name="Node">The declaration (the first part of a partial type).</param>
internal sealed record ApiEntry(
    string Namespace,
    string TypePath,
    string? Member,
    string Name,
    string Kind,
    string Display,
    string Signature,
    string Shape,
    bool IsProtected,
    int Line,
    int Column,
    SyntaxNode Node)
{
    /// <summary>The identity across versions of the code: namespace, type path and member.</summary>
    public string Key => $"{Namespace}|{TypePath}|{Member}";

    /// <summary>The identity against a <c>## Contract</c>, which may leave the namespace out.</summary>
    public string ContractKey => $"{TypePath}|{Member}";

    /// <summary>The type's identity against a contract (the type itself or the member's type).</summary>
    public string TypeContractKey => $"{TypePath}|";
}
