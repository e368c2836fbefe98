using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Host.Experiments;
namespace HybridQsharp.Host.Reports;
public sealed class RunFigures
{
    public static ReportDocument.Figure DrawCircuit(System.Text.Json.Nodes.JsonNode diagram, string folder, string title) => throw new NotSupportedException("TEMP");
    public Task<IReadOnlyList<ReportDocument.Figure>> DrawAsync(RunFolder run, ExperimentSummary summary, ExperimentData? data, IReadOnlyList<ImageClassifier> models, QuantumCircuitExecution? execution, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReportDocument.Figure>>([]);
}
