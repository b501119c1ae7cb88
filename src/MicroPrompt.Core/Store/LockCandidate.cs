using System.Text.Json;

namespace MicroPrompt.Store;

/// <summary>
/// One <c>"path": {entry}</c> pair of a lock as read, before duplicates (a union merge's) are reconciled. Our own struct
/// rather than <c>KeyValuePair&lt;string, JsonElement&gt;</c>: the list's code is then precompiled in this assembly's
/// ReadyToRun image instead of JIT-compiled in every build.
/// </summary>
internal readonly record struct LockCandidate(string Path, JsonElement Value);
