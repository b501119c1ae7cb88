using MicroPrompt.Api;
using MicroPrompt.Capabilities;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Prompts;
using MicroPrompt.Store;
using MicroPrompt.Verification;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Core.Tests.Mapping;

/// <summary>Source values with every property set to a distinct value, for the mapping tests.</summary>
internal static class MappingSamples
{
    public const string Code = "namespace App;\npublic static class Slug { public static string Make(string s) => s; }\n";

    public static readonly DateTimeOffset When = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    public static GenerationOutcome Outcome() => new()
    {
        Status = GenerationStatus.Succeeded,
        Code = Code,
        Passes = 3,
        Usage = new UsageTotals(1000, 200),
        ReportedModel = "gpt-4.1-mini-2025-04-14",
        FailureMessage = "a failure message",
        FailureCode = DiagnosticCodes.ExamplesFailed,
        LastErrors = ["Slug.mprompt(9,1): example failed"],
        FailureSpan = new SourceSpan(9, 1),
        ExampleResults = [new ExampleResult(new PromptExample("Slug.Make(\"a\") == \"a\"", "csharp", new SourceSpan(9, 1)), Passed: true)],
        Sandbox = SandboxKind.Jail,
        Compiles = true,
        ExamplesPassed = 4,
        ExamplesTotal = 5,
        FirstCorrectPass = 2,
        JudgeScore = 0.75,
        Capabilities = [new CapabilityUse("network", "System.Net.Http.HttpClient", 3, 7)],
        JudgeModel = "judge-model",
        JudgeUsage = new UsageTotals(30, 4),
        JudgeMemoized = true,
        Findings = [MicroPromptDiagnostic.Warning("MP2010", "a finding")],
        ApiChanges = [new ApiChange(ApiChangeKind.Added, "Slug.Make(string)", null, "static string Slug.Make(string)")],
        BrokenCallers = ["Program.cs(3,1): error CS0117"],
        Edited = true,
        PassRecords = [new PassRecord(1, HadCode: true, Compiled: true, ErrorCount: 0)],
        Assumptions = ["Input is ASCII", "Empty input gives an empty slug"],
    };

    public static GenerationRecord Record() => new()
    {
        Key = ContentHash.Sha256Hex("key"),
        Code = Code,
        CodeHash = ContentHash.Sha256Hex(Code),
        Model = "gpt-4.1-mini",
        ReportedModel = "gpt-4.1-mini-2025-04-14",
        Provider = "openai",
        Usage = new LockUsage { InputTokens = 1000, OutputTokens = 200, Passes = 3 },
        Grade = Grade(),
        Capabilities = ["network"],
        Assumptions = ["Input is ASCII"],
        GeneratedAt = When,
        GeneratorVersion = "1.2.3",
        Origin = LockOrigins.Edited,
        Base = ContentHash.Sha256Hex("the code the edit started from"),
    };

    public static LockGrade Grade() => new()
    {
        Compiles = true,
        ExamplesPassed = 4,
        ExamplesTotal = 5,
        FirstCorrectPass = 2,
        JudgeScore = 0.75,
        JudgeModel = "judge-model",
        JudgeInputTokens = 30,
        JudgeOutputTokens = 4,
        Findings = ["MP2010: a finding"],
    };

    public static LockEntry Entry() => new()
    {
        PromptHash = ContentHash.Sha256Hex("prompt"),
        Model = "gpt-4.1-mini",
        ReportedModel = "gpt-4.1-mini-2025-04-14",
        Provider = "openai",
        Key = ContentHash.Sha256Hex("key"),
        CodeHash = ContentHash.Sha256Hex(Code),
        CodeFile = "code/Slug.cs",
        Origin = LockOrigins.Edited,
        Base = ContentHash.Sha256Hex("the code the edit started from"),
        Inputs = new SortedDictionary<string, string> { ["prompt"] = ContentHash.Sha256Hex("prompt") },
        FrontMatter = new LockFrontMatter { TextHash = ContentHash.Sha256Hex("text"), Kind = "library" },
        Usage = new LockUsage { InputTokens = 1000, OutputTokens = 200, Passes = 3 },
        Grade = Grade(),
        Capabilities = ["network"],
        Assumptions = ["Input is ASCII"],
        GeneratedAt = When,
        GeneratorVersion = "1.2.3",
    };
}
