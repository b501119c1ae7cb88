// Starter.Text.Slug is generated from Text/Slug.mprompt; its resolved code is in .microprompt/ (commit it).
// Next: `dotnet new mprompt -n MyFeature`, describe it, set OPENAI_API_KEY and `dotnet build`.
var text = args.Length > 0 ? string.Join(' ', args) : "Hello, MicroPrompt!";
Console.WriteLine(Starter.Text.Slug.Make(text));
