using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.EndToEnd;

/// <summary>A small two-prompt project (a library prompt and one that uses it) with correct scripted answers.</summary>
internal static class QuickProject
{
    public const string SlugPrompt = """
        ---
        kind: library
        ---
        # Slugify

        Make a URL slug from a text: lower-case ASCII letters and digits are kept, every other run of characters
        becomes a single '-', and there is no leading or trailing '-'.

        ## Contract
        ```csharp
        public static class Slug { public static string Make(string text); }
        ```

        ## Examples
        ```csharp
        Slug.Make("Hello, World!") == "hello-world"
        ```
        """;

    public const string GreetingPrompt = """
        ---
        uses: [Text/Slug.mprompt]
        ---
        # Greeting

        `Greeter.Greet(name)` returns "Hello, {name}! Your handle is {slug}." where slug is `Slug.Make(name)`.

        ## Contract
        ```csharp
        public static class Greeter { public static string Greet(string name); }
        ```
        """;

    public const string SlugCode = """
        namespace App.Text;

        public static class Slug
        {
            public static string Make(string text)
            {
                var builder = new System.Text.StringBuilder();
                var dash = false;
                foreach (var c in text.ToLowerInvariant())
                {
                    if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                    {
                        if (dash && builder.Length > 0) builder.Append('-');
                        builder.Append(c);
                        dash = false;
                    }
                    else
                    {
                        dash = true;
                    }
                }
                return builder.ToString();
            }
        }
        """;

    // Modern C# relying on a source generator of the targeting pack ([GeneratedRegex]): the compile check and the example
    // build must run the project's @(Analyzer) generators, or this answer fails with CS8795 and the build fails.
    public const string GreetingCode = """
        using System.Text.RegularExpressions;
        using App.Text;

        namespace App;

        public static partial class Greeter
        {
            public static string Greet(string name) => $"Hello, {Spaces().Replace(name.Trim(), " ")}! Your handle is {Slug.Make(name)}.";

            [GeneratedRegex(@"\s+")]
            private static partial Regex Spaces();
        }
        """;

    public const string ProgramCode = """
        Console.WriteLine(App.Greeter.Greet(args.Length > 0 ? args[0] : "Ada Lovelace"));
        """;

    public static TestProject Create(SdkPackageFixture sdk, string properties = "", string style = "attribute")
    {
        return new TestProject(sdk)
            .WithProject(properties, style: style)
            .WriteFile("Text/Slug.mprompt", SlugPrompt)
            .WriteFile("Greeting.mprompt", GreetingPrompt)
            .WriteFile("Program.cs", ProgramCode);
    }

    public static ModelScript CorrectScript() => new ModelScript()
        .Reply("Slugify", SlugCode)
        .Reply("Greeting", GreetingCode);
}
