namespace MicroPrompt.Diagnostics;

/// <summary>
/// Every diagnostic code the SDK reports. Ranges: MP0xxx prompt format, MP1xxx configuration and provider,
/// MP2xxx generation and verification, MP3xxx quality gates and budget, MP4xxx store and lock integrity,
/// MP9xxx internal errors. Codes are part of the public contract: never reuse or renumber one.
/// </summary>
public static class DiagnosticCodes
{
    // MP0xxx — the .mprompt format
    public const string PromptUnreadable = "MP0001";          // file missing / IO error
    public const string PromptEmpty = "MP0002";
    public const string PromptNotText = "MP0003";             // binary content or invalid UTF-8
    public const string PromptTooLarge = "MP0004";
    public const string FrontMatterUnterminated = "MP0010";
    public const string FrontMatterMalformed = "MP0011";      // YAML syntax error
    public const string FrontMatterUnknownKey = "MP0012";
    public const string FrontMatterInvalidValue = "MP0013";   // wrong type / bad enum value
    public const string RequiresInvalid = "MP0014";           // bad package id or version range
    public const string UsesNotFound = "MP0020";
    public const string UsesCycle = "MP0021";
    public const string PromptNoInstructions = "MP0030";      // body has no instruction text
    public const string ContractMalformed = "MP0031";         // ## Contract without a code block
    public const string ExamplesMalformed = "MP0032";
    public const string PromptBodyMalformed = "MP0033";       // Markdown body cannot be parsed (e.g. nested too deeply)

    // MP1xxx — configuration and provider
    public const string NoModel = "MP1001";
    public const string UnknownProvider = "MP1002";
    public const string InvalidEndpoint = "MP1003";
    public const string ApiKeyMissing = "MP1004";
    public const string InvalidProperty = "MP1005";
    public const string RequiresNotReferenced = "MP1006";     // requires: a package the project does not reference, or out of range
    public const string ProviderUnreachable = "MP1010";
    public const string ProviderHttpError = "MP1011";
    public const string ProviderBadResponse = "MP1012";       // HTML, truncated JSON, empty choices
    public const string ProviderUnknownModel = "MP1013";
    public const string ProviderTimeout = "MP1014";
    public const string PriceTableInvalid = "MP1020";         // MicroPromptPriceTable missing, not JSON, bad row
    public const string ComparisonModelEmpty = "MP1030";      // MicroPromptModels has an empty entry (or no model at all)
    public const string ComparisonSamplesInvalid = "MP1031";  // MicroPromptSamples is not a whole number from 1 to 100
    public const string ComparisonRepairModeUnknown = "MP1032"; // MicroPromptCompareRepair names a mode other than exec, review, none
    public const string ComparisonTemperatureInvalid = "MP1033"; // MicroPromptCompareTemperature is not a number from 0 to 2
    public const string TelemetryEndpointInvalid = "MP1050";  // MicroPromptOtlpEndpoint / OTEL_EXPORTER_OTLP_ENDPOINT is not an absolute http(s) URL
    public const string TelemetryExportFailed = "MP1051";     // warning: the collector could not be reached or did not answer in time
    public const string CheckSamplesInvalid = "MP1060";       // MicroPromptCheckSamples / --samples is not a whole number from 0 (no check) to 100
    public const string CheckTemperatureInvalid = "MP1061";   // MicroPromptCheckTemperature / --temperature is not a number from 0 to 2
    public const string MinDependabilityInvalid = "MP1062";   // MicroPromptMinDependability is not a number from 0 to 1

    // MP2xxx — generation and verification
    public const string GenerationFailed = "MP2001";          // still does not compile after max passes
    public const string NoCodeInReply = "MP2002";
    public const string Refused = "MP2003";
    public const string LockedMissingResolution = "MP2004";   // locked build, item not resolved
    public const string DependencyFailed = "MP2005";          // a `uses` item failed
    public const string Cancelled = "MP2006";
    public const string ExamplesFailed = "MP2007";            // compiles, but examples still fail after max passes
    public const string ExamplesNotRun = "MP2008";            // the example harness could not be started or compiled against
    public const string ContractMismatch = "MP2010";
    public const string ConsoleOrExitInLibrary = "MP2011";    // Console.ReadLine / Environment.Exit in a library item
    public const string UndisposedResource = "MP2012";        // `new` IDisposable in a method, never disposed
    public const string SyncOverAsync = "MP2013";             // .Result / .Wait() / .GetAwaiter().GetResult() on a task
    public const string EmptyCatch = "MP2014";                // catch { } swallows every failure
    public const string CapabilityNotDeclared = "MP2020";    // generated code uses network/filesystem/… not in `capabilities:`
    public const string ComparisonRunNotCached = "MP2030";    // locked comparison build: a run is not in the user cache
    public const string LibraryShape = "MP2040";              // a library item has an entry point or public API its contract does not declare
    public const string CallersBroken = "MP2041";             // the new code breaks the project's files or other items; previous resolution kept
    public const string ApiChangeNotAllowed = "MP2042";       // a regeneration removed or changed public members (MicroPromptAllowApiChanges)
    public const string SandboxNotIsolated = "MP2050";        // MicroPromptSandbox=auto without a working jail: process isolation only (warning, once per build)
    public const string JailUnavailable = "MP2051";           // MicroPromptSandbox=jail but bubblewrap / user namespaces / libseccomp are missing
    public const string MutationBaselineFailed = "MP2070";    // example strength / mutation run: the unmutated code fails its own examples

    // MP3xxx — quality gates and budget
    public const string JudgeBelowMinimum = "MP3001";
    public const string BudgetExceeded = "MP3002";
    public const string BudgetUnenforceable = "MP3003";       // MicroPromptMaxCostUsd set but a model has no price
    public const string DependabilityBelowMinimum = "MP3010"; // a checked item's Wilson lower bound is below MicroPromptMinDependability

    // MP4xxx — resolved state integrity
    public const string LockUnreadable = "MP4001";
    public const string LockVersionUnsupported = "MP4002";
    public const string ResolvedCodeMissing = "MP4003";
    public const string ResolvedCodeTampered = "MP4004";
    public const string CacheEntryCorrupt = "MP4005";
    public const string StoreWriteFailed = "MP4006";
    public const string StoreLockTimeout = "MP4007";
    public const string ReportWriteFailed = "MP4008";         // report.json / report.html could not be written (warning)
    public const string SharedCacheUnavailable = "MP4010";   // Redis unreachable, slow or failing: the build goes on without it
    public const string SharedCacheEntryRejected = "MP4011"; // shared entry unsigned, badly signed, or its code does not match its hash
    public const string SharedCacheWaitTimeout = "MP4012";   // gave up waiting for another builder's generation lease
    public const string SharedCacheMisconfigured = "MP4013"; // bad configuration string, password in it, or a named variable unset
    public const string HandEditConflict = "MP4020";         // resolved code edited by hand AND the item's inputs changed: no side is picked
    public const string HistoryUnavailable = "MP4030";       // log/diff: git is not installed or the store is not in a git repository
    public const string HistoryRevisionUnknown = "MP4031";   // diff: a revision or log index that the item's history does not have

    // MP9xxx — internal
    public const string InternalError = "MP9001";

    /// <summary>
    /// Whether <paramref name="code"/> is about the provider as a whole (unreachable, no key, unknown provider, bad
    /// endpoint): reported once per build, not once per item or run.
    /// </summary>
    public static bool IsProviderWide(string code) => code is ProviderUnreachable or ApiKeyMissing or UnknownProvider or InvalidEndpoint;
}
