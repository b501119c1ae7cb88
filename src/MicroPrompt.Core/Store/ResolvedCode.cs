using MicroPrompt.Diagnostics;

namespace MicroPrompt.Store;

/// <summary>The outcome of reading a lock entry's code file (<see cref="ResolvedStore.ReadCode"/>).</summary>
public sealed class ResolvedCode
{
    public required ResolvedCodeState State { get; init; }

    /// <summary>The full path of the code file (empty when the entry names none under <c>code/</c>).</summary>
    public required string FullPath { get; init; }

    /// <summary>True when the file matches the entry's code hash; only then is <see cref="Code"/> set.</summary>
    public bool IsVerified => State == ResolvedCodeState.Verified;

    /// <summary>The verified code; empty unless <see cref="IsVerified"/>.</summary>
    public string Code => IsVerified ? Content ?? "" : "";

    /// <summary>
    /// The file's text (UTF-8) whenever it could be read — also when it does not match, so a caller can tell a hand
    /// edit from an interrupted write. Never treat it as resolved code unless <see cref="IsVerified"/>.
    /// </summary>
    public string? Content { get; init; }

    /// <summary>SHA-256 (hex) of the file's exact bytes, when it could be read.</summary>
    public string? ActualHash { get; init; }

    /// <summary>MP4003 (missing or unreadable) or MP4004 (does not match); null when verified.</summary>
    public MicroPromptDiagnostic? Problem { get; init; }

    internal byte[]? Bytes { get; init; }
}
