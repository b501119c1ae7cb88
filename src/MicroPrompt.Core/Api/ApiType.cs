using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Api;

/// <summary>A type of a public surface with its members; the parts of a partial type are one type.</summary>
internal sealed record ApiType(ApiEntry Entry, IReadOnlyList<ApiEntry> Members, IReadOnlyList<MemberDeclarationSyntax> Parts)
{
    /// <summary>The type's path inside its namespace for messages: <c>Outer.Box&lt;T&gt;</c>.</summary>
    public string PathDisplay => Entry.Namespace.Length == 0 ? Entry.Display : Entry.Display[(Entry.Namespace.Length + 1)..];
}
