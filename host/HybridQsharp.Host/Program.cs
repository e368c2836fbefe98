using System.CommandLine;
using HybridQsharp.Host.Cli;

// Ctrl+C / SIGTERM cancel the verb's token; give training time to finish its batch and
// write its checkpoint instead of the default two seconds.
return await HybridqCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(2) });
