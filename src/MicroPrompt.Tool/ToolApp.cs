using MicroPrompt.Tool.Commands;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool;

/// <summary>The command line of <c>dotnet mprompt</c>: nine commands, exit codes 0 (nothing to do), 1 (work), 2 (error), 3 (check: below the minimum).</summary>
public static class ToolApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        try
        {
            return app.Run(args);
        }
        catch (ToolException ex)
        {
            ToolOutput.Error(ex.Message);
            return ExitCodes.Error;
        }
        catch (CommandAppException ex)
        {
            ToolOutput.Error(ex.Message);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never a stack trace: one line with the internal-error code, the exception's type and message.
            ToolOutput.Error($"{Diagnostics.DiagnosticCodes.InternalError}: internal error ({ex.GetType().Name}: {ex.Message}). Please report it with the command you ran.");
            return ExitCodes.Error;
        }
    }

    internal static void Configure(IConfigurator config)
    {
        config.SetApplicationName("dotnet mprompt");
        config.PropagateExceptions();
        config.AddCommand<StatusCommand>("status")
            .WithDescription("Every item as up-to-date, stale (with why), unresolved, hand-edited, conflict or failed. No model call.");
        config.AddCommand<PlanCommand>("plan")
            .WithDescription("What the next unlocked build would generate, in order, with its estimated cost.");
        config.AddCommand<LogCommand>("log")
            .WithDescription("An item's resolutions, newest first.");
        config.AddCommand<DiffCommand>("diff")
            .WithDescription("The committed resolution of an item against the working one, prompt and code.");
        config.AddCommand<AdoptCommand>("adopt")
            .WithDescription("Verify a hand-edited resolved file and record it as the item's resolution (origin hand-edit).");
        config.AddCommand<AbsorbCommand>("absorb")
            .WithDescription("Adopt a hand edit and have the model amend the prompt to describe it (written for review).");
        config.AddCommand<RunCommand>("run")
            .WithDescription("Resolve a kind: program prompt outside any project and run it with the arguments after --.");
        config.AddCommand<CheckCommand>("check")
            .WithDescription("Dependability: N independent generations per item, graded as in a build; least dependable first.");
        config.AddCommand<NewCommand>("new")
            .WithDescription("Write a prompt skeleton (front matter, instructions, ## Contract, ## Examples).");
    }
}
