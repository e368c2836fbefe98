using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Shapes declared by Q# shape functions, read through the real runtime.</summary>
[Collection(QsharpCollection.Name)]
public sealed class ClassifierShapeTests(QsharpRuntimeFixture fixture)
{
    [Fact]
    public async Task ThePaperClassifierDeclaresItsTreeAnglesAndWeights()
    {
        var shape = await ClassifierShapeReader.ReadAsync(
            fixture.Runtime, QsharpProgram.BuiltIn(), "HybridQsharp.Classifiers.AmplitudeClassifier", 4, 2);

        Assert.Equal(15, shape.FeatureCount);
        Assert.Equal(8, shape.WeightCount);
        Assert.Equal(PauliString.ZOnEach(4), shape.Observables);
        Assert.Equal(ParameterRange.TreeAngles, shape.FeatureRange);
    }

    [Fact]
    public async Task TheQcnnMeasuresTheQubitsLeftAfterPooling()
    {
        var twoLevels = await BuiltInClassifiers.LoadAsync(fixture.Runtime, Encoding.Angle, AnsatzCatalog.Qcnn, 4, 2);
        var oneLevel = await BuiltInClassifiers.LoadAsync(fixture.Runtime, Encoding.Angle, AnsatzCatalog.Qcnn, 4, 1);

        Assert.Equal([PauliString.Z(3)], twoLevels.Observables);
        Assert.Equal([PauliString.Z(1), PauliString.Z(3)], oneLevel.Observables);
        Assert.Equal(10, twoLevels.WeightCount);
        Assert.Equal(ParameterRange.SymmetricAngles, twoLevels.FeatureRange);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 2)]
    [InlineData(5, 2)]
    public async Task TheLegacyShimCountsEqualTheQsharpShapes(int qubits, int layers)
    {
        foreach (var encoding in Enum.GetValues<Encoding>())
        {
            foreach (var ansatz in Enum.GetValues<Ansatz>())
            {
                var shim = BuiltInClassifiers.Create(encoding, ansatz, qubits, layers);
                var read = await BuiltInClassifiers.LoadAsync(fixture.Runtime, encoding, AnsatzCatalog.Of(ansatz), qubits, layers);
                Assert.Equal(
                    (read.Operation, read.FeatureCount, read.WeightCount, read.FeatureRange),
                    (shim.Operation, shim.FeatureCount, shim.WeightCount, shim.FeatureRange));
                Assert.Equal(read.Observables, shim.Observables);
            }
        }
    }

    [Fact]
    public async Task EveryCatalogEntryHasAShapeFunctionForEachEncodingItSupports()
    {
        foreach (var ansatz in AnsatzCatalog.All)
        {
            foreach (var encoding in ansatz.Encodings)
            {
                var circuit = await BuiltInClassifiers.LoadAsync(fixture.Runtime, encoding, ansatz, 4, 2);
                Assert.Equal(BuiltInClassifiers.FeatureCount(encoding, 4), circuit.FeatureCount);
                Assert.True(circuit.WeightCount > 0, $"{ansatz.Key}/{encoding} declares no weights");
            }
        }
    }

    [Fact]
    public async Task AUserStructWithOnlyTheRequiredFieldsInAnyOrderReadsWithDefaults()
    {
        var program = new QsharpProgram([new QsharpSource("user/Minimal.qs", """
            namespace User {
                struct Sizes { Weights : Int, Features : Int }
                function ClassifierShape(nQubits : Int, nLayers : Int) : Sizes {
                    new Sizes { Weights = nQubits * nLayers, Features = 2 }
                }
            }
            """)]);

        var shape = await ClassifierShapeReader.ReadAsync(fixture.Runtime, program, "User.Classifier", 3, 2);

        Assert.Equal((2, 6), (shape.FeatureCount, shape.WeightCount));
        Assert.Equal(PauliString.ZOnEach(3), shape.Observables);
        Assert.Equal(ParameterRange.SymmetricAngles, shape.FeatureRange);
    }

    [Fact]
    public async Task DeclaredObservablesAndRangeAreRead()
    {
        var program = UserShape(
            "Features = 1, Weights = 2, Observables = [[PauliZ, PauliZ, PauliI], [PauliI, PauliX, PauliY]], FeatureRange = [-1.5, 2.0]");

        var shape = await ClassifierShapeReader.ReadAsync(fixture.Runtime, program, "User.Classifier", 3, 1);

        Assert.Equal([PauliString.Parse("Z0 Z1"), PauliString.Parse("X1 Y2")], shape.Observables);
        Assert.Equal(new ParameterRange(-1.5, 2.0), shape.FeatureRange);
    }

    [Fact]
    public async Task AMissingShapeFunctionIsNamed()
    {
        var program = new QsharpProgram([new QsharpSource("user/NoShape.qs", """
            namespace User {
                operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                    Ry(features[0] + weights[0], qubits[0]);
                }
            }
            """)]);

        var thrown = await Assert.ThrowsAsync<ClassifierShapeException>(
            () => ClassifierShapeReader.ReadAsync(fixture.Runtime, program, "User.Classifier", 1, 1));

        Assert.StartsWith(
            "User.Classifier has no shape function User.ClassifierShape: declare `function ClassifierShape(nQubits : Int, nLayers : Int) : Shape`",
            thrown.Message);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    [Theory]
    [InlineData("Features = -1, Weights = 2, Observables = [], FeatureRange = []", "-1 features and 2 weights")]
    [InlineData("Features = 1, Weights = 2, Observables = [[PauliZ]], FeatureRange = []", "observable [PauliZ] has 1 entries for 3 qubits")]
    [InlineData("Features = 1, Weights = 2, Observables = [[PauliI, PauliI, PauliI]], FeatureRange = []", "is the identity")]
    [InlineData("Features = 1, Weights = 2, Observables = [], FeatureRange = [1.0, 0.0]", "the feature range [1.0, 0.0] is not")]
    public async Task NonsenseIsRefusedNamingTheOperation(string fields, string expected)
    {
        var thrown = await Assert.ThrowsAsync<ClassifierShapeException>(
            () => ClassifierShapeReader.ReadAsync(fixture.Runtime, UserShape(fields), "User.Classifier", 3, 1));

        Assert.StartsWith("User.ClassifierShape(3, 1), the shape function of User.Classifier, returned", thrown.Message);
        Assert.Contains(expected, thrown.Message);
    }

    [Fact]
    public async Task AShapeFunctionThatFailsIsReportedWithItsMessage()
    {
        var thrown = await Assert.ThrowsAsync<ClassifierShapeException>(
            () => BuiltInClassifiers.LoadAsync(fixture.Runtime, Encoding.Angle, AnsatzCatalog.Qcnn, 2, 3));
        Assert.Contains("HybridQsharp.Classifiers.AngleQcnnClassifierShape(2, 3)", thrown.Message);
    }

    [Fact]
    public void AnUnknownAnsatzListsTheKnownOnes()
    {
        var thrown = Assert.Throws<FormatException>(() => AnsatzCatalog.Parse("quantum-magic"));
        Assert.Equal("unknown ansatz 'quantum-magic'; expected one of: basic, strong, reuploading, qcnn, hardware-efficient", thrown.Message);
        Assert.Same(AnsatzCatalog.HardwareEfficient, AnsatzCatalog.Parse("Hardware-Efficient"));
    }

    [Fact]
    public void DataReuploadingRefusesAmplitudeEncoding()
    {
        var thrown = Assert.Throws<ArgumentException>(() => AnsatzCatalog.Reuploading.OperationFor(Encoding.Amplitude));
        Assert.StartsWith("The reuploading ansatz takes angle encoding, not amplitude.", thrown.Message);
    }

    [Fact]
    public void PrintedValuesParse()
    {
        var value = QsharpValue.Parse("(15, 8, [[PauliZ, PauliI], []], [0.0, 3.141592653589793], \"a, b\")");

        Assert.Equal(QsharpValueKind.Tuple, value.Kind);
        Assert.Equal(15, value.Items[0].AsInt());
        Assert.Equal(["PauliZ", "PauliI"], value.Items[2].Items[0].Items.Select(i => i.Text));
        Assert.Empty(value.Items[2].Items[1].Items);
        Assert.Equal(Math.PI, value.Items[3].Items[1].AsDouble());
        Assert.Equal("a, b", value.Items[4].Text);
        Assert.Throws<FormatException>(() => QsharpValue.Parse("(1, 2"));
        Assert.Throws<FormatException>(() => QsharpValue.Parse("[1] 2"));
    }

    private static QsharpProgram UserShape(string fields) => new([new QsharpSource("user/Shape.qs", $$"""
        namespace User {
            struct Shape { Features : Int, Weights : Int, Observables : Pauli[][], FeatureRange : Double[] }
            function ClassifierShape(nQubits : Int, nLayers : Int) : Shape {
                new Shape { {{fields}} }
            }
        }
        """)]);
}
