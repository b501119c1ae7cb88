return MicroPrompt.Tool.ToolApp.Run(args);
