using HybridQsharp.Host.Cli;

return await HybridqCommandLine.Create().Parse(args).InvokeAsync();
