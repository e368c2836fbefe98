using System.Text.Json;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Host.Circuits;

/// <summary>The one JSON object a circuit verb prints with --json: camelCase, indented, as the run files are written.</summary>
public static class CircuitJson
{
    public static string Render<T>(T value) => JsonSerializer.Serialize(value, RunFolder.Json);
}
