using System.Text.RegularExpressions;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Tests.Quantum;

/// <summary>The project's Q# circuits, run on the Q# simulator, against independent references.</summary>
[Collection(QsharpCollection.Name)]
public sealed partial class QsharpCircuitTests(QsharpRuntimeFixture fixture)
{
    // Wrappers compiled beside the library: the angles come from the Q# function itself.
    private static readonly QsharpSource Wrappers = new("test/Wrappers.qs", """
        namespace TestWrappers {
            import HybridQsharp.Encoding.*;
            import HybridQsharp.Classifiers.*;
            operation EncodeAmplitudes(amplitudes : Double[], qubits : Qubit[]) : Unit {
                AmplitudeEncoding(AmplitudeTreeAngles(amplitudes), qubits);
            }
            operation PaperFromAmplitudes(amplitudes : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                AmplitudeClassifier(AmplitudeTreeAngles(amplitudes), weights, qubits);
            }
        }
        """);

    public static TheoryData<string> QsharpTestOperations()
    {
        var data = new TheoryData<string>();
        foreach (var source in QsharpProgram.BuiltIn(includeTests: true).Sources)
        {
            var ns = NamespaceDeclaration().Match(source.Text).Groups[1].Value;
            foreach (Match test in TestCallable().Matches(source.Text))
            {
                data.Add($"{ns}.{test.Groups[1].Value}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QsharpTestOperations))]
    public async Task QsharpTestOperationPasses(string operation)
    {
        var shots = await fixture.Runtime.RunAsync(QsharpProgram.BuiltIn(includeTests: true), $"{operation}()");
        Assert.Equal("()", Assert.Single(shots).Result);
    }

    [Fact]
    public void EveryQsharpTestFileContributesTests() => Assert.True(QsharpTestOperations().Count >= 6);

    [Fact]
    public async Task AFailingQsharpTestIsReportedAsAFailure()
    {
        var failing = new QsharpSource("test/Failing.qs", """
            namespace Failing {
                import Std.Diagnostics.*;
                @Test()
                operation AlwaysFails() : Unit {
                    use q = Qubit();
                    X(q);
                    Fact(CheckZero(q), "the qubit is not |0>");
                    Reset(q);
                }
            }
            """);
        var thrown =
            await Assert.ThrowsAsync<QsharpExecutionException>(() => fixture.Runtime.RunAsync(new QsharpProgram([failing]), "Failing.AlwaysFails()"));
        Assert.Contains("the qubit is not |0>", thrown.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task AmplitudeEncodingPreparesTheNormalisedInput(int qubits)
    {
        var random = new Random(qubits);
        var circuits = Enumerable.Range(0, 5)
            .Select(_ => new[] { Enumerable.Range(0, 1 << qubits).Select(_ => random.NextDouble()).ToArray() })
            .ToList();

        var result = await fixture.Runtime.ExpectationsAsync(QsharpProgram.BuiltIn().With([Wrappers]), "TestWrappers.EncodeAmplitudes", qubits,
            circuits, includeStates: true);

        for (var c = 0; c < circuits.Count; c++)
        {
            var amplitudes = circuits[c][0];
            var norm = Math.Sqrt(amplitudes.Sum(a => a * a));
            var state = result.States![c];
            for (var i = 0; i < amplitudes.Length; i++)
            {
                Assert.Equal(amplitudes[i] / norm, state[2 * i], 1e-10);
                Assert.Equal(0, state[(2 * i) + 1], 1e-10);
            }
        }
    }

    [Fact]
    public async Task PaperClassifierMatchesADenseMatrixReference()
    {
        var random = new Random(7);
        var circuits = Enumerable.Range(0, 8)
            .Select(_ => new[]
            {
                Enumerable.Range(0, 16).Select(_ => random.NextDouble()).ToArray(),
                Enumerable.Range(0, 8).Select(_ => 2 * Math.PI * random.NextDouble()).ToArray(),
            })
            .ToList();

        var result =
            await fixture.Runtime.ExpectationsAsync(QsharpProgram.BuiltIn().With([Wrappers]), "TestWrappers.PaperFromAmplitudes", 4, circuits);

        for (var c = 0; c < circuits.Count; c++)
        {
            var expected = DenseReference.PaperClassifier(circuits[c][0], circuits[c][1], 4, 2);
            for (var q = 0; q < 4; q++)
            {
                Assert.Equal(expected[q], result.Expectations[c][q], 1e-10);
            }
        }
    }

    [Fact]
    public async Task ShotEstimatesLieWithinFourStandardErrorsOfExact()
    {
        var circuit = BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 2, 2);
        double[][] arguments = [[0.7, -1.9], [0.3, 1.1, -0.4, 2.2]];
        var exact = (await fixture.Runtime.ExpectationsAsync(circuit.Program, circuit.Operation, 2, [arguments])).Expectations[0];
        const int shots = 10_000;
        var histogram = Assert.Single(await fixture.Runtime.SampleAsync(circuit.Program, circuit.Operation, 2, [arguments], shots));

        Assert.Equal(shots, histogram.Sum());
        for (var q = 0; q < 2; q++)
        {
            var ones = histogram.Where((_, outcome) => ((outcome >> (1 - q)) & 1) == 1).Sum();
            var estimate = 1 - (2.0 * ones / shots);
            var standardError = Math.Sqrt((1 - (exact[q] * exact[q])) / shots);
            Assert.InRange(estimate, exact[q] - (4 * standardError), exact[q] + (4 * standardError));
        }
    }

    [GeneratedRegex(@"namespace\s+([A-Za-z0-9_.]+)")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"@Test\(\)\s*(?:operation|function)\s+([A-Za-z0-9_]+)")]
    private static partial Regex TestCallable();
}
