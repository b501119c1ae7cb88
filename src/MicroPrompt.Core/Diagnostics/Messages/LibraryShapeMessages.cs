namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The problems MP2040 lists (<see cref="GenerationMessages.LibraryShape"/>), each located in the code: an entry point
/// in a library item, public API the <c>## Contract</c> does not declare.
/// </summary>
internal static class LibraryShapeMessages
{
    private const string EntryPoint = "a library item must not contain an entry point: remove ";
    private const string NoDemo = " (no demo or usage code in the file)";

    public static string TopLevelStatements() => $"{EntryPoint}the top-level statements{NoDemo}";

    /// <param name="owner">Empty, or " of 'Type'".</param>
    public static string MainMethod(string owner) => $"{EntryPoint}the `Main` method{owner}{NoDemo}";

    public static string TypeNotInContract(string access, string type) => $"{access} type '{type}' is not part of the ## Contract: make it internal or remove it";

    /// <param name="hint">What to do, starting with its own punctuation (": make it private or remove it").</param>
    public static string MemberNotInContract(string access, string kind, string member, string hint) => $"{access} {kind} '{member}' is not part of the ## Contract{hint}";
}
