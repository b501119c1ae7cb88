namespace MicroPrompt.Core.Tests.Prompts;

/// <summary>Builds prompt texts line by line so tests can name exact line numbers.</summary>
internal static class PromptText
{
    public static string Lines(params string[] lines) => string.Join("\n", lines);

    /// <summary>The full example from DESIGN.md plus every key; line numbers are referenced by the tests.</summary>
    public static readonly string Full = Lines(
        "---",                                              // 1
        "model: qwen3-coder-next          # pin",           // 2
        "kind: Program",                                    // 3
        "namespace: Acme.Billing",                          // 4
        "uses: [Money.mprompt, ../Shared/Tax.mprompt]",     // 5
        "requires:",                                        // 6
        "  - Newtonsoft.Json >= 13.0.1",                    // 7
        "  - Polly [8.0,9.0)",                              // 8
        "review: 2",                                        // 9
        "capabilities: [network, FileSystem]",              // 10
        "---",                                              // 11
        "# Push invoice",                                   // 12
        "",                                                 // 13
        "Send the invoice as JSON to `POST {baseUrl}/invoices`.", // 14
        "",                                                 // 15
        "## Contract",                                      // 16
        "```csharp",                                        // 17
        "public static class InvoicePusher { }",            // 18
        "```",                                              // 19
        "",                                                 // 20
        "## Examples",                                      // 21
        "```csharp",                                        // 22
        "Slug.Make(\"Hello, World!\") == \"hello-world\"",  // 23
        "  Slug.Make(\"\") == \"\"",                        // 24
        "```",                                              // 25
        "",                                                 // 26
        "## Notes",                                         // 27
        "",                                                 // 28
        "Keep it short.");                                  // 29
}
