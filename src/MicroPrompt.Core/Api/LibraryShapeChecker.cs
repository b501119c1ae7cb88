using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Api;

/// <summary>
/// The shape of a <c>kind: library</c> item's code, by syntax: no entry point (a <c>static Main</c> method in any type,
/// top-level statements) and, when the prompt has a <c>## Contract</c>, no public API the contract does not declare
/// (a public type, or a public or protected member of a contract type). Members the contract implies are not
/// problems: overrides, explicit interface implementations, members named by an interface the contract type
/// declares in its base list, enum members, a record's positional parameters and members that replace the
/// record's own, a parameterless constructor when the contract declares none, the operator a declared one needs
/// (<c>!=</c> for <c>==</c>). Program items have no shape problems. Each problem is an <see cref="DiagnosticCodes.LibraryShape"/>
/// (MP2040) error located in the code. Fast (no semantic model) and never throws on malformed code.
/// </summary>
public static class LibraryShapeChecker
{

    private static readonly Dictionary<string, string> PairedOperators = new(StringComparer.Ordinal)
    {
        ["operator =="] = "operator !=", ["operator !="] = "operator ==", ["operator <"] = "operator >", ["operator >"] = "operator <",
        ["operator <="] = "operator >=", ["operator >="] = "operator <=", ["operator true"] = "operator false", ["operator false"] = "operator true",
    };

    // Members a record may declare in place of the ones the compiler writes for it.
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal) { "Equals", "PrintMembers", "Deconstruct", "EqualityContract" };

    /// <summary>The shape problems of <paramref name="code"/> (1-based positions in it), in the code's order.</summary>
    public static IReadOnlyList<CompileError> Check(string code, string? contract, PromptKind kind)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (kind != PromptKind.Library)
        {
            return [];
        }

        var root = ApiSyntax.Parse(code);
        var problems = new List<CompileError>();
        EntryPoints(root, problems);
        if (!string.IsNullOrWhiteSpace(contract))
        {
            Undeclared(root, contract, problems);
        }

        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    private static void EntryPoints(CompilationUnitSyntax root, List<CompileError> problems)
    {
        if (root.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } statement)
        {
            problems.Add(Problem(statement.GetFirstToken(), LibraryShapeMessages.TopLevelStatements()));
        }

        foreach (var main in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsEntryPoint))
        {
            var owner = main.Parent is BaseTypeDeclarationSyntax type ? $" of '{ApiSurface.PathDisplay(type)}'" : "";
            problems.Add(Problem(main.Identifier, LibraryShapeMessages.MainMethod(owner)));
        }
    }

    private static bool IsEntryPoint(SyntaxNode node) =>
        node is MethodDeclarationSyntax { Identifier.ValueText: "Main" } method && method.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword));

    private static void Undeclared(CompilationUnitSyntax root, string contract, List<CompileError> problems)
    {
        var declaredTypes = ApiSurface.Read(contract, contract: true);
        if (declaredTypes.Count == 0)
        {
            return; // a contract without a type declares no surface to hold the code to
        }

        var contractByPath = declaredTypes.GroupBy(t => t.Entry.TypePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var codeTypes = ApiSurface.Read(root, contract: false);
        var interfaces = Interfaces(declaredTypes, ApiSurface.Read(root, contract: true));
        var reported = new List<string>();
        foreach (var type in codeTypes)
        {
            var path = type.Entry.TypePath;
            if (reported.Any(r => path.StartsWith(r + ".", StringComparison.Ordinal)))
            {
                continue; // inside a type already reported
            }

            if (!contractByPath.TryGetValue(path, out var declared))
            {
                reported.Add(path);
                problems.Add(Problem(type.Entry, LibraryShapeMessages.TypeNotInContract(Access(type.Entry), type.PathDisplay)));
                continue;
            }

            if (type.Entry.Kind is "enum" or "delegate")
            {
                continue;
            }

            var allowed = new Allowance(type, declared, interfaces);
            foreach (var member in type.Members.Where(m => !IsEntryPoint(m.Node) && !allowed.Covers(m)))
            {
                var sameName = declared.Members.Where(m => m.Name == member.Name).Select(m => $"'{m.Signature}'").ToList();
                var hint = allowed.UndeclaredInterface(member) is { } undeclared
                    ? $" (it belongs to '{undeclared}', which the contract's '{type.PathDisplay}' does not implement): implement it explicitly or remove it"
                    : sameName.Count > 0 ? $", which declares {string.Join(" / ", sameName)} by that name: use the contract's signature, or make it private"
                    : type.Entry.Kind == "interface" ? ": remove it from the interface" : ": make it private or remove it";
                problems.Add(Problem(member, LibraryShapeMessages.MemberNotInContract(Access(member), member.Kind, member.Display, hint)));
            }
        }
    }

    /// <summary>The interfaces the contract declares, then those the code declares, by lookup name (<c>IRepository`1</c>).</summary>
    private static Dictionary<string, ApiType> Interfaces(IEnumerable<ApiType> contract, IEnumerable<ApiType> code)
    {
        var result = new Dictionary<string, ApiType>(StringComparer.Ordinal);
        foreach (var type in contract.Concat(code).Where(t => t.Entry.Kind == "interface"))
        {
            var path = type.Entry.TypePath;
            result.TryAdd(path[(path.LastIndexOf('.') + 1)..], type);
        }

        return result;
    }

    private static string Access(ApiEntry entry) => entry.IsProtected ? "protected" : "public";

    private static CompileError Problem(ApiEntry at, string message) => new(DiagnosticCodes.LibraryShape, message, at.Line, at.Column);

    private static CompileError Problem(SyntaxToken at, string message)
    {
        var (line, column) = ApiSurface.Located(at);
        return new CompileError(DiagnosticCodes.LibraryShape, message, line, column);
    }

    /// <summary>What the contract's declaration of a type lets the code's type have beyond the members it names.</summary>
    private sealed class Allowance
    {
        private readonly ApiType _type;
        private readonly HashSet<string> _identities;
        private readonly HashSet<string> _names;
        private readonly HashSet<string> _interfaceNames = new(StringComparer.Ordinal);
        private readonly bool _unknownInterface;
        private readonly List<(string Interface, IReadOnlySet<string> Names)> _codeOnlyInterfaces = [];

        public Allowance(ApiType type, ApiType declared, IReadOnlyDictionary<string, ApiType> interfaces)
        {
            _type = type;
            _identities = declared.Members.Select(m => m.Member!).ToHashSet(StringComparer.Ordinal);
            _names = declared.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            var contractBases = BaseNames(declared).ToHashSet(StringComparer.Ordinal);
            foreach (var name in contractBases)
            {
                if (InterfaceMembers.Names(name, interfaces) is { } names)
                {
                    _interfaceNames.UnionWith(names);
                }
                else if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
                {
                    _unknownInterface = true; // an interface of a package: its members cannot be told from helpers
                }
            }

            foreach (var name in BaseNames(type).Where(n => !contractBases.Contains(n)))
            {
                if (InterfaceMembers.Names(name, interfaces) is { } names)
                {
                    _codeOnlyInterfaces.Add((name.Split('`')[0], names));
                }
            }
        }

        public bool Covers(ApiEntry member)
        {
            if (_identities.Contains(member.Member!) || _unknownInterface || _interfaceNames.Contains(member.Name))
            {
                return true;
            }

            var isRecord = _type.Parts.Any(p => p is RecordDeclarationSyntax);
            return member.Kind switch
            {
                "constructor" when member.Node is ParameterListSyntax positional && isRecord =>
                    positional.Parameters.All(p => _names.Contains(p.Identifier.ValueText)),
                "constructor" => member.Member == ".ctor()" && (!_names.Contains(".ctor") || _type.Entry.Kind is "struct" or "record struct")
                    || (isRecord && IsCopyConstructor(member)),
                "operator" => PairedOperators.TryGetValue(member.Name, out var partner)
                    && _identities.Contains(partner + member.Member![member.Name.Length..]),
                _ => isRecord && RecordMembers.Contains(member.Name),
            };
        }

        /// <summary>The interface of the code's base list (not the contract's) that names the member, if any.</summary>
        public string? UndeclaredInterface(ApiEntry member) =>
            _codeOnlyInterfaces.FirstOrDefault(i => i.Names.Contains(member.Name)).Interface;

        /// <summary>A record's copy constructor: protected, one parameter of the record's own type.</summary>
        private bool IsCopyConstructor(ApiEntry member)
        {
            var path = _type.Entry.TypePath;
            return member.IsProtected
                && member.Node is ConstructorDeclarationSyntax { ParameterList.Parameters: [{ Type: { } parameter }] }
                && InterfaceMembers.LookupName(parameter) == path[(path.LastIndexOf('.') + 1)..];
        }

        private static IEnumerable<string> BaseNames(ApiType type) => type.Parts.OfType<BaseTypeDeclarationSyntax>()
            .SelectMany(p => p.BaseList?.Types ?? default)
            .Select(b => InterfaceMembers.LookupName(b.Type))
            .OfType<string>();
    }
}
