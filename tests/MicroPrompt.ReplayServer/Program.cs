using MicroPrompt.ReplayServer;
using MicroPrompt.Testing;

// Usage: MicroPrompt.ReplayServer --answers <folder> [--url-file <path>] [--latency-ms <n>] [--model <reported id>]
// Each request is answered with <folder>/<Title>.cs, where "# <Title>" is the prompt's first heading.
var options = ReplayOptions.Parse(args);
var answers = new AnswerBook(options.AnswersDirectory);
await using var server = await ScriptedModelServer.StartAsync();
server.Responder = request => answers.Respond(request, options.ReportedModel, options.Latency);

if (options.UrlFile is not null)
{
    await File.WriteAllTextAsync(options.UrlFile, server.OpenAIEndpoint);
}

Console.WriteLine($"replay server listening on {server.OpenAIEndpoint} ({answers.Count} answers from {options.AnswersDirectory})");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
await stop.Task;
Console.WriteLine($"replay server stopping after {server.ChatRequestCount} chat request(s)");
