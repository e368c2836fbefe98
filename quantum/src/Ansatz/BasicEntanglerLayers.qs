namespace HybridQsharp.Ansatz {
    import Std.Arrays.*;
    import Std.Diagnostics.*;

    /// # Summary
    /// Layers of one RX rotation per qubit followed by a ring of CNOTs, as PennyLane's
    /// `BasicEntanglerLayers` (the paper's ansatz).
    ///
    /// # Input
    /// ## weights
    /// Layer-major weights: `weights[layer * n + qubit]`, n per layer.
    /// ## qubits
    /// The n qubits the layers act on.
    ///
    /// # Remarks
    /// The ring is CNOT(0, 1), CNOT(1, 2), …, CNOT(n - 1, 0). With two qubits the ring is
    /// a single CNOT(0, 1) and with one qubit there is none, as in PennyLane.
    operation BasicEntanglerLayers(weights : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        Fact(nQubits > 0 and Length(weights) % nQubits == 0, $"BasicEntanglerLayers needs a multiple of {nQubits} weights, got {Length(weights)}.");
        for layer in Chunks(nQubits, weights) {
            for (angle, qubit) in Zipped(layer, qubits) {
                Rx(angle, qubit);
            }
            for (control, target) in EntanglerRing(nQubits) {
                CNOT(qubits[control], qubits[target]);
            }
        }
    }

    /// # Summary
    /// The (control, target) pairs of the CNOT ring on `nQubits` qubits.
    function EntanglerRing(nQubits : Int) : (Int, Int)[] {
        if nQubits < 2 {
            []
        } elif nQubits == 2 {
            [(0, 1)]
        } else {
            MappedOverRange(i -> (i, (i + 1) % nQubits), 0..nQubits - 1)
        }
    }

    /// # Summary
    /// The number of weights `BasicEntanglerLayers` takes for `nLayers` layers on `nQubits` qubits.
    function BasicEntanglerWeightCount(nQubits : Int, nLayers : Int) : Int {
        nQubits * nLayers
    }
}
