using Microsoft.Extensions.AI;

namespace MicroPrompt.Models;

/// <summary>Wraps a chat client built on an <see cref="HttpClient"/> it does not own, and disposes that HttpClient with it.</summary>
internal sealed class HttpClientOwningChatClient(IChatClient inner, HttpClient http) : DelegatingChatClient(inner)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            http.Dispose();
        }

        base.Dispose(disposing);
    }
}
