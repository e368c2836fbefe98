using System.Xml.Linq;
using HybridQsharp.Host.Figures;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class CircuitDiagramFigureTests : IDisposable
{
    /// <summary>
    /// Recorded from qsharp-lang 1.32.5-dev getCircuit (through QsharpRuntime.CircuitDiagramAsync) for the built-in
    /// AngleClassifier on 2 qubits with 1 layer, parameters 0.25, 0.5, 0.75, 1.0; source-location metadata removed.
    /// </summary>
    internal const string RecordedAngleClassifier = """
{
 "circuits": [
  {
   "qubits": [
    {
     "id": 0,
     "numResults": 1
    },
    {
     "id": 1,
     "numResults": 1
    }
   ],
   "componentGrid": [
    {
     "components": [
      {
       "kind": "unitary",
       "gate": "Main",
       "children": [
        {
         "components": [
          {
           "kind": "unitary",
           "gate": "AngleClassifier",
           "children": [
            {
             "components": [
              {
               "kind": "unitary",
               "gate": "AngleEncoding",
               "children": [
                {
                 "components": [
                  {
                   "kind": "unitary",
                   "gate": "Ry",
                   "args": [
                    "0.2500"
                   ],
                   "targets": [
                    {
                     "qubit": 0
                    }
                   ]
                  },
                  {
                   "kind": "unitary",
                   "gate": "Ry",
                   "args": [
                    "0.5000"
                   ],
                   "targets": [
                    {
                     "qubit": 1
                    }
                   ]
                  }
                 ]
                }
               ],
               "targets": [
                {
                 "qubit": 0
                },
                {
                 "qubit": 1
                }
               ]
              }
             ]
            },
            {
             "components": [
              {
               "kind": "unitary",
               "gate": "BasicEntanglerLayers",
               "children": [
                {
                 "components": [
                  {
                   "kind": "unitary",
                   "gate": "Rx",
                   "args": [
                    "0.7500"
                   ],
                   "targets": [
                    {
                     "qubit": 0
                    }
                   ]
                  },
                  {
                   "kind": "unitary",
                   "gate": "Rx",
                   "args": [
                    "1.0000"
                   ],
                   "targets": [
                    {
                     "qubit": 1
                    }
                   ]
                  }
                 ]
                },
                {
                 "components": [
                  {
                   "kind": "unitary",
                   "gate": "X",
                   "targets": [
                    {
                     "qubit": 1
                    }
                   ],
                   "controls": [
                    {
                     "qubit": 0
                    }
                   ]
                  }
                 ]
                }
               ],
               "targets": [
                {
                 "qubit": 0
                },
                {
                 "qubit": 1
                }
               ]
              }
             ]
            }
           ],
           "targets": [
            {
             "qubit": 0
            },
            {
             "qubit": 1
            }
           ]
          }
         ]
        },
        {
         "components": [
          {
           "kind": "measurement",
           "gate": "M",
           "qubits": [
            {
             "qubit": 0
            }
           ],
           "results": [
            {
             "qubit": 0,
             "result": 0
            }
           ]
          },
          {
           "kind": "measurement",
           "gate": "M",
           "qubits": [
            {
             "qubit": 1
            }
           ],
           "results": [
            {
             "qubit": 1,
             "result": 0
            }
           ]
          }
         ]
        },
        {
         "components": [
          {
           "kind": "ket",
           "gate": "0",
           "targets": [
            {
             "qubit": 0
            }
           ]
          },
          {
           "kind": "ket",
           "gate": "0",
           "targets": [
            {
             "qubit": 1
            }
           ]
          }
         ]
        }
       ],
       "targets": [
        {
         "qubit": 0
        },
        {
         "qubit": 0,
         "result": 0
        },
        {
         "qubit": 1
        },
        {
         "qubit": 1,
         "result": 0
        }
       ]
      }
     ]
    }
   ]
  }
 ],
 "version": 2
}
""";

    /// <summary>The older getCircuit shape (operations / qId / isMeasurement), written after its documented schema.</summary>
    private const string LegacyFormat = """
{
 "qubits": [{ "id": 0, "numChildren": 1 }, { "id": 1 }],
 "operations": [
  { "gate": "H", "targets": [{ "qId": 0 }] },
  { "gate": "Rz", "displayArgs": "0.5", "isAdjoint": true, "targets": [{ "qId": 1 }] },
  { "gate": "X", "isControlled": true, "controls": [{ "qId": 0 }], "targets": [{ "qId": 1 }] },
  { "gate": "Measure", "isMeasurement": true, "controls": [{ "qId": 0 }], "targets": [{ "type": 1, "qId": 0, "cId": 0 }] }
 ]
}
""";

    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ParsesRecordedCircuitIntoGates()
    {
        var circuit = CircuitJsonParser.Parse(RecordedAngleClassifier);

        Assert.Equal([0, 1], circuit.Qubits);
        Assert.Equal(["Ry", "Ry", "Rx", "Rx", "X", "M", "M", "0", "0"], circuit.Operations.Select(o => o.Gate));
        Assert.Equal(["0.2500"], circuit.Operations[0].Arguments);
        Assert.Equal([1], circuit.Operations[1].Targets);
        var cnot = circuit.Operations[4];
        Assert.Equal([1], cnot.Targets);
        Assert.Equal([0], cnot.Controls);
        Assert.Equal(CircuitOperationKind.Measurement, circuit.Operations[6].Kind);
        Assert.Equal([1], circuit.Operations[6].Targets);
        Assert.Equal(CircuitOperationKind.Reset, circuit.Operations[8].Kind);
    }

    [Fact]
    public void CollapsesCallsBelowTheExpandDepth()
    {
        // Depth 2 opens Main and AngleClassifier; the encoding and the entangler layers stay boxes over both qubits.
        var circuit = CircuitJsonParser.Parse(RecordedAngleClassifier, expandDepth: 2);

        Assert.Equal(["AngleEncoding", "BasicEntanglerLayers", "M", "M", "0", "0"], circuit.Operations.Select(o => o.Gate));
        Assert.Equal(CircuitOperationKind.Group, circuit.Operations[0].Kind);
        Assert.Equal([0, 1], circuit.Operations[1].Targets);
    }

    [Fact]
    public void ParsesTheOlderFormat()
    {
        var circuit = CircuitJsonParser.Parse(LegacyFormat);

        Assert.Equal(["H", "Rz", "X", "Measure"], circuit.Operations.Select(o => o.Gate));
        Assert.True(circuit.Operations[1].IsAdjoint);
        Assert.Equal(["0.5"], circuit.Operations[1].Arguments);
        Assert.Equal([1], circuit.Operations[2].Targets);
        Assert.Equal([0], circuit.Operations[2].Controls);
        Assert.Equal(CircuitOperationKind.Measurement, circuit.Operations[3].Kind);
        Assert.Equal([0], circuit.Operations[3].Targets);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"circuits":[{"qubits":[{"id":0}],"componentGrid":[{"components":[{"kind":"unitary","gate":"X","targets":[{"qubit":3}]}]}]}]}""")]
    [InlineData("""{"circuits":[{"qubits":[{"id":0}],"componentGrid":[{"components":[{"kind":"teleport","gate":"T","targets":[{"qubit":0}]}]}]}]}""")]
    [InlineData("""{"something":"else"}""")]
    public void RejectsBadCircuitDataWithOneExceptionType(string json)
    {
        Assert.Throws<FigureInputException>(() => CircuitJsonParser.Parse(json));
    }

    [Fact]
    public void LayoutPacksIndependentGatesIntoOneColumn()
    {
        var layout = CircuitDiagramFigure.Layout(CircuitJsonParser.Parse(RecordedAngleClassifier));

        // Ry|Ry, Rx|Rx, CNOT, M|M, reset|reset.
        Assert.Equal([0, 0, 1, 1, 2, 3, 3, 4, 4], layout.ColumnOf);
    }

    [Fact]
    public void DrawsTheRecordedCircuit()
    {
        var files = CircuitDiagramFigure.Write(_writer, _directory.Path, "circuit", "Quantum circuit: AngleClassifier",
            CircuitJsonParser.Parse(RecordedAngleClassifier));

        FigureAssert.Written(files, "Quantum circuit: AngleClassifier", 1000, 300);
        var texts = XDocument.Load(files.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Equal(2, texts.Count(t => t == "Rx"));
        Assert.Contains("0.25", texts);
        Assert.Equal(2, texts.Count(t => t == "M"));
    }
}
