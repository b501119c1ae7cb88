using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary><c>dotnet mprompt new &lt;path&gt; [--kind library|program]</c>: writes a prompt skeleton that parses.</summary>
public sealed class NewCommand : Command<NewSettings>
{
    public override int Execute(CommandContext context, NewSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.Path.EndsWith(".mprompt", StringComparison.OrdinalIgnoreCase) ? settings.Path : settings.Path + ".mprompt");
        if (File.Exists(path) && !settings.Force)
        {
            throw new ToolException($"'{path}' exists. Use --force to overwrite it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, PromptSkeleton.For(Path.GetFileNameWithoutExtension(path), settings.Kind), new System.Text.UTF8Encoding(false));
        var output = ToolOutput.For(settings);
        if (settings.Json)
        {
            output.WriteJson(new { command = "new", path, kind = settings.Kind });
        }
        else
        {
            output.Line($"Created {path} ({settings.Kind}). Describe the behaviour, then `dotnet build`.");
        }

        return ExitCodes.NothingToDo;
    }
}
