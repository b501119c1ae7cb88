using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>Placeholder base of a command not written yet: exit 2 "not implemented".</summary>
public abstract class NotImplementedCommand<TSettings> : Command<TSettings>
    where TSettings : CommandSettings
{
    protected abstract string Name { get; }

    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        Output.ToolOutput.Error($"'{Name}' is not implemented yet.");
        return ExitCodes.Error;
    }
}
