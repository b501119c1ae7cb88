using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;
using static MicroPrompt.Core.Tests.Generation.GenerationSamples;

namespace MicroPrompt.Core.Tests.Generation;

public class PromptComposerTests
{
    private static GenerationRequest Rich(PromptKind kind = PromptKind.Library, bool implicitUsings = true) => Request(
        prompt: Document(
            kind,
            contract: "public static class Slug { public static string Make(string text); }",
            examples: [new PromptExample("Slug.Make(\"Hello World\") == \"hello-world\"", "csharp", new SourceSpan(12, 1))]),
        packages: [new PackageInfo("Newtonsoft.Json", "13.0.3"), new PackageInfo("Humanizer.Core", "2.14.1")],
        uses: [new UsedItem("Prompts/Money.mprompt", "Acme.Billing", "namespace Acme.Billing;\npublic readonly record struct Money(decimal Amount) { private int _secret; }\n")],
        implicitUsings: implicitUsings);

    [Fact]
    public void System_message_states_namespace_framework_packages_and_used_api()
    {
        var messages = PromptComposer.Compose(Rich());

        Assert.Equal(2, messages.Count);
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Equal(ChatRole.User, messages[1].Role);
        var system = messages[0].Text;
        Assert.Contains("namespace Acme.Text;", system);
        Assert.Contains("net8.0", system);
        Assert.Contains("12.0", system);
        Assert.Contains("Newtonsoft.Json 13.0.3", system);
        Assert.Contains("Humanizer.Core 2.14.1", system);
        Assert.Contains("No other packages exist", system);
        Assert.Contains("exactly ONE", system);
        Assert.Contains("```csharp", system);
        Assert.Contains("Prompts/Money.mprompt", system);
        Assert.Contains("Acme.Billing", system);
        Assert.Contains("public readonly record struct Money", system);
        Assert.Contains("Contract", system);
        Assert.Contains("No Main method", system);
    }

    [Fact]
    public void Packages_are_listed_in_a_stable_order()
    {
        var system = PromptComposer.Compose(Rich())[0].Text;

        Assert.True(system.IndexOf("Humanizer.Core", StringComparison.Ordinal) < system.IndexOf("Newtonsoft.Json", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_packages_the_model_is_told_only_the_base_library_exists()
    {
        var system = PromptComposer.Compose(Request())[0].Text;

        Assert.Contains("No NuGet packages are available", system);
        Assert.DoesNotContain("Newtonsoft", system);
    }

    [Fact]
    public void User_message_carries_title_instructions_contract_and_examples()
    {
        var user = PromptComposer.Compose(Rich())[1].Text;

        Assert.Contains("# Slug", user);
        Assert.Contains("spaces become dashes", user);
        Assert.Contains("## Contract", user);
        Assert.Contains("public static string Make(string text);", user);
        Assert.Contains("## Examples", user);
        Assert.Contains("Slug.Make(\"Hello World\") == \"hello-world\"", user);
        // The title is already the instructions' first heading: it is not repeated.
        Assert.Equal(1, Count(user, "# Slug\n"));
    }

    [Fact]
    public void Title_is_added_when_the_instructions_do_not_start_with_it()
    {
        var prompt = new PromptDocument
        {
            FilePath = "x.mprompt",
            Text = "",
            Title = "Slugger",
            Instructions = "Make a URL slug.",
        };

        var user = PromptComposer.Compose(Request(prompt))[1].Text;

        Assert.StartsWith("# Slugger\n\nMake a URL slug.", user);
    }

    [Fact]
    public void Public_api_delegate_decides_what_the_model_sees_of_used_items()
    {
        var system = PromptComposer.Compose(Rich(), code => "public readonly record struct Money(decimal Amount);")[0].Text;

        Assert.Contains("public readonly record struct Money(decimal Amount);", system);
        Assert.DoesNotContain("_secret", system);
        Assert.Contains("_secret", PromptComposer.Compose(Rich())[0].Text);
    }

    [Fact]
    public void Implicit_usings_off_asks_for_every_using()
    {
        Assert.Contains("Implicit usings are on", PromptComposer.Compose(Rich())[0].Text);
        Assert.Contains("write every using directive", PromptComposer.Compose(Rich(implicitUsings: false))[0].Text);
    }

    [Fact]
    public void Program_items_get_entry_point_rules_and_library_items_do_not()
    {
        var program = PromptComposer.Compose(Rich(PromptKind.Program))[0].Text;
        var library = PromptComposer.Compose(Rich())[0].Text;

        Assert.Contains("Main(string[] args)", program);
        Assert.Contains("exit code", program);
        Assert.DoesNotContain("No Main method", program);
        Assert.DoesNotContain("Main(string[] args)", library);
    }

    [Fact]
    public void Same_request_gives_identical_text()
    {
        var first = PromptComposer.Compose(Rich());
        var second = PromptComposer.Compose(Rich());

        Assert.Equal(first.Select(m => m.Role.Value + "\n" + m.Text), second.Select(m => m.Role.Value + "\n" + m.Text));
    }

    [Fact]
    public void Different_namespace_changes_the_text()
    {
        var other = Rich();
        var changed = new GenerationRequest
        {
            Prompt = other.Prompt,
            ItemPath = other.ItemPath,
            Namespace = "Acme.Elsewhere",
            Model = other.Model,
            Project = other.Project,
        };

        Assert.NotEqual(PromptComposer.Compose(other)[0].Text, PromptComposer.Compose(changed)[0].Text);
    }

    [Fact]
    public void Exec_repair_lists_the_errors()
    {
        var message = PromptComposer.RepairMessage(["Slug.g.cs(3,5): error CS0103: The name 'x' does not exist"], RepairMode.Exec);

        Assert.Equal(ChatRole.User, message.Role);
        Assert.Contains("does not compile", message.Text);
        Assert.Contains("Slug.g.cs(3,5): error CS0103: The name 'x' does not exist", message.Text);
        Assert.Contains("whole corrected file in one ```csharp block", message.Text);
    }

    [Fact]
    public void Exec_repair_caps_the_list()
    {
        var problems = Enumerable.Range(1, 30).Select(i => $"problem-{i:00}").ToList();

        var text = PromptComposer.RepairMessage(problems, RepairMode.Exec).Text;

        Assert.Contains("problem-20", text);
        Assert.DoesNotContain("problem-21", text);
        Assert.Contains("10 more", text);
    }

    [Fact]
    public void Review_repair_contains_no_execution_output()
    {
        var message = PromptComposer.RepairMessage(["Slug.g.cs(3,5): error CS0103: secret compiler text"], RepairMode.Review);

        Assert.DoesNotContain("CS0103", message.Text);
        Assert.DoesNotContain("secret compiler text", message.Text);
        Assert.Contains("Review", message.Text);
        Assert.Contains("```csharp", message.Text);
    }

    [Fact]
    public void Every_request_asks_for_assumptions_in_a_block_the_code_extractor_ignores()
    {
        var system = PromptComposer.Compose(Rich())[0].Text;

        Assert.Contains("fenced block tagged assumptions (```assumptions", system);
        Assert.Contains("\"- none\"", system);
        Assert.Contains("never compiled", system);
        foreach (var mode in new[] { RepairMode.Exec, RepairMode.Review })
        {
            Assert.Contains("```assumptions block again", PromptComposer.RepairMessage(["problem"], mode).Text);
        }

        Assert.Contains("then the ```assumptions block", PromptComposer.NoCodeMessage(null).Text);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
