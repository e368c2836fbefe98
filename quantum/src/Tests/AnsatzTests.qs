namespace HybridQsharp.Tests {
    import Std.Diagnostics.*;
    import Std.Math.*;
    import HybridQsharp.Ansatz.*;

    /// # Summary
    /// Two layers of BasicEntanglerLayers on 4 qubits equal the paper's gates written out
    /// one by one: RX on each qubit, then CNOT 0→1, 1→2, 2→3, 3→0, twice.
    @Test()
    operation BasicEntanglerLayersMatchesThePaper() : Unit {
        let weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        let written = qubits => {
            for layer in 0..1 {
                for i in 0..3 {
                    Rx(weights[4 * layer + i], qubits[i]);
                }
                CNOT(qubits[0], qubits[1]);
                CNOT(qubits[1], qubits[2]);
                CNOT(qubits[2], qubits[3]);
                CNOT(qubits[3], qubits[0]);
            }
        };
        Fact(CheckOperationsAreEqual(4, qubits => BasicEntanglerLayers(weights, qubits), written), "BasicEntanglerLayers differs from the paper's definition.");
    }

    /// # Summary
    /// One strongly entangling layer on 3 qubits is Rot on each qubit, then CNOTs of range 1.
    @Test()
    operation StronglyEntanglingLayerMatchesDefinition() : Unit {
        let weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        let written = qubits => {
            for i in 0..2 {
                Rz(weights[3 * i], qubits[i]);
                Ry(weights[3 * i + 1], qubits[i]);
                Rz(weights[3 * i + 2], qubits[i]);
            }
            CNOT(qubits[0], qubits[1]);
            CNOT(qubits[1], qubits[2]);
            CNOT(qubits[2], qubits[0]);
        };
        Fact(CheckOperationsAreEqual(3, qubits => StronglyEntanglingLayers(weights, qubits), written), "StronglyEntanglingLayers differs from its definition.");
    }

    /// # Summary
    /// The ring pairs for 1, 2 and 4 qubits follow PennyLane's conventions.
    @Test()
    function EntanglerRingFollowsPennyLane() : Unit {
        Fact(Length(EntanglerRing(1)) == 0, "One qubit has no ring.");
        Fact(EntanglerRing(2) == [(0, 1)], "Two qubits have one CNOT.");
        Fact(EntanglerRing(4) == [(0, 1), (1, 2), (2, 3), (3, 0)], "Four qubits have a closed ring.");
    }
}
