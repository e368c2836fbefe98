using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Tests.Quantum;

/// <summary>One real Q# runtime (Node + qsharp-lang) shared by the tests of a collection.</summary>
public sealed class QsharpRuntimeFixture : IAsyncLifetime
{
    public QsharpRuntimeFixture()
    {
        Runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions()));
        Lifter = new TapeLifter(Runtime);
    }

    public QsharpRuntime Runtime { get; }

    public TapeLifter Lifter { get; }

    public async Task InitializeAsync() => await Runtime.StartAsync();

    public async Task DisposeAsync() => await Runtime.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class QsharpCollection : ICollectionFixture<QsharpRuntimeFixture>
{
    public const string Name = "Q# runtime";
}
