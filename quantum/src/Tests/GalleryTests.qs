namespace HybridQsharp.Tests {
    import Std.Arrays.*;
    import Std.Convert.*;
    import Std.Diagnostics.*;
    import Std.Math.*;
    import HybridQsharp.Ansatz.*;
    import HybridQsharp.Classifiers.*;

    /// # Summary
    /// Two data re-uploading layers on 2 qubits, written out gate by gate: encode, rotate,
    /// CZ, encode again, rotate.
    @Test()
    operation DataReuploadingMatchesDefinition() : Unit {
        let features = [0.7, -1.3];
        let weights = MappedOverRange(i -> 0.1 * IntAsDouble(i + 1), 0..11);
        let written = qubits => {
            for layer in 0..1 {
                if layer == 1 {
                    CZ(qubits[0], qubits[1]);
                }
                for i in 0..1 {
                    Ry(features[i], qubits[i]);
                }
                for i in 0..1 {
                    let k = 3 * (2 * layer + i);
                    Rz(weights[k], qubits[i]);
                    Ry(weights[k + 1], qubits[i]);
                    Rz(weights[k + 2], qubits[i]);
                }
            }
        };
        Fact(CheckOperationsAreEqual(2, qubits => DataReuploadingLayers(features, weights, qubits), written), "DataReuploadingLayers differs from its definition.");
    }

    /// # Summary
    /// One entangling layer of the hardware-efficient ansatz on 3 qubits, written out: RY, RZ
    /// on each qubit, the CZ ladder, RY, RZ on each qubit.
    @Test()
    operation HardwareEfficientLayersMatchDefinition() : Unit {
        let weights = MappedOverRange(i -> 0.2 * IntAsDouble(i) - 1.0, 0..11);
        let written = qubits => {
            for layer in 0..1 {
                if layer == 1 {
                    CZ(qubits[0], qubits[1]);
                    CZ(qubits[1], qubits[2]);
                }
                for i in 0..2 {
                    Ry(weights[2 * (3 * layer + i)], qubits[i]);
                    Rz(weights[2 * (3 * layer + i) + 1], qubits[i]);
                }
            }
        };
        Fact(CheckOperationsAreEqual(3, qubits => HardwareEfficientLayers(weights, qubits), written), "HardwareEfficientLayers differs from its definition.");
        Fact(HardwareEfficientWeightCount(3, 1) == Length(weights), "The weight count does not match the layers.");
    }

    /// # Summary
    /// Pooling is the paper's measure-and-rotate with the measurement deferred: with the
    /// discarded qubit in |1⟩ the kept one is rotated by RY(angles[0]), with |0⟩ by RY(angles[1]),
    /// and the discarded qubit is left as it was.
    @Test()
    operation PoolingRotatesTheKeptQubitByTheDiscardedOne() : Unit {
        let angles = [0.9, -2.1];
        for outcome in [false, true] {
            use (discarded, kept) = (Qubit(), Qubit());
            if outcome {
                X(discarded);
            }
            H(kept);
            ApplyPooling(angles, discarded, kept);
            Ry(-(outcome ? angles[0] | angles[1]), kept);
            H(kept);
            if outcome {
                X(discarded);
            }
            Fact(CheckZero(kept) and CheckZero(discarded), $"Pooling with the discarded qubit in |{outcome ? 1 | 0}⟩ is not the expected rotation.");
        }
    }

    /// # Summary
    /// The QCNN halves the active qubits per level and measures the ones left.
    @Test()
    function QcnnHalvesTheActiveQubits() : Unit {
        Fact(QcnnOutputQubits(4, 1) == [1, 3], "4 qubits, 1 level: qubits 1 and 3 remain.");
        Fact(QcnnOutputQubits(4, 2) == [3], "4 qubits, 2 levels: qubit 3 remains.");
        Fact(QcnnOutputQubits(5, 2) == [3, 4], "5 qubits, 2 levels: the unpaired qubit 4 stays.");
        Fact(QcnnOutputQubits(8, 3) == [7], "8 qubits, 3 levels: qubit 7 remains.");
        Fact(ConvolutionPairs(4) == [(0, 1), (2, 3), (1, 2)], "Convolution covers every neighbouring pair once.");
    }

    /// # Summary
    /// One QCNN level on 2 qubits is the convolution block followed by pooling, written out.
    @Test()
    operation QcnnLevelMatchesDefinition() : Unit {
        let weights = [0.3, 1.1, -0.7, 2.0, -0.4];
        let written = qubits => {
            Rz(-PI() / 2.0, qubits[1]);
            CNOT(qubits[1], qubits[0]);
            Rz(weights[0], qubits[0]);
            Ry(weights[1], qubits[1]);
            CNOT(qubits[0], qubits[1]);
            Ry(weights[2], qubits[1]);
            CNOT(qubits[1], qubits[0]);
            Rz(PI() / 2.0, qubits[0]);
            Controlled Ry([qubits[0]], (weights[3], qubits[1]));
            ApplyControlledOnInt(0, Ry(weights[4], _), [qubits[0]], qubits[1]);
        };
        Fact(CheckOperationsAreEqual(2, qubits => QuantumConvolutionalLayers(weights, qubits), written), "A QCNN level differs from its definition.");
    }

    /// # Summary
    /// Every built-in classifier's shape declares as many weights as its ansatz's weight count
    /// and the features of its encoding.
    @Test()
    function ShapesDeclareTheAnsatzWeightCounts() : Unit {
        for (nQubits, nLayers) in [(2, 1), (4, 2), (5, 3)] {
            Fact(AmplitudeClassifierShape(nQubits, nLayers).Weights == BasicEntanglerWeightCount(nQubits, nLayers), "basic");
            Fact(AngleStronglyEntanglingClassifierShape(nQubits, nLayers).Weights == StronglyEntanglingWeightCount(nQubits, nLayers), "strong");
            Fact(AngleDataReuploadingClassifierShape(nQubits, nLayers).Features == nQubits, "re-uploading features");
            Fact(AmplitudeHardwareEfficientClassifierShape(nQubits, nLayers).Features == 2^nQubits - 1, "amplitude features");
        }
        Fact(Length(AngleQcnnClassifierShape(4, 2).Observables) == 1, "a 2-level QCNN on 4 qubits measures one qubit");
    }
}
