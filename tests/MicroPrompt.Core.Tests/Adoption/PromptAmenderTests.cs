using MicroPrompt.Adoption;
using MicroPrompt.Diagnostics;
using MicroPrompt.Models;
using MicroPrompt.Resilience;
using MicroPrompt.Testing;

namespace MicroPrompt.Core.Tests.Adoption;

/// <summary><c>absorb</c>: the model amends the prompt to describe a hand edit, through the configured provider.</summary>
public sealed class PromptAmenderTests
{
    private const string Prompt = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string Amended = "# Alpha\n\nReturn 1, computed as 2 - 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";

    [Fact]
    public async Task The_amended_prompt_is_taken_whole_from_the_reply_and_the_request_shows_the_hand_edit()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("Here it is:\n```markdown\n" + Amended + "```\n"));
        using var client = ChatClientFactory.Create(new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), Resilience = ModelCallResilience.NoRetries }, "test-model", _ => null);

        var result = await PromptAmender.AmendAsync(client, "/p/A.mprompt", Prompt,
            "public static class Alpha { public static int One() => 1; }\n", "public static class Alpha { public static int One() => 2 - 1; }\n", CancellationToken.None);

        Assert.Equal(Amended, result); // the inner ```csharp block did not end it
        var body = Assert.Single(server.ChatRequests).LastMessage()!;
        Assert.Contains("+public static class Alpha { public static int One() => 2 - 1; }", body);
        Assert.Contains("Return 1.", body);
    }

    [Fact]
    public async Task A_reply_that_is_not_a_prompt_is_MP2002()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        server.Enqueue(ScriptedReply.Completion("```markdown\n---\nkind: [unclosed\n---\n```"));
        using var client = ChatClientFactory.Create(new ProviderSettings { Endpoint = new Uri(server.OpenAIEndpoint), Resilience = ModelCallResilience.NoRetries }, "test-model", _ => null);

        var error = await Assert.ThrowsAsync<MicroPromptException>(() => PromptAmender.AmendAsync(client, "/p/A.mprompt", Prompt, null, "x", CancellationToken.None));

        Assert.Equal(DiagnosticCodes.NoCodeInReply, error.Diagnostic.Code);
    }
}
