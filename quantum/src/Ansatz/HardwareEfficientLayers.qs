namespace HybridQsharp.Ansatz {
    import Std.Arrays.*;
    import Std.Diagnostics.*;

    /// # Summary
    /// A hardware-efficient ansatz: a layer of RY and RZ rotations on every qubit, then, per
    /// entangling layer, a ladder of CZ gates between neighbours followed by another rotation
    /// layer, after Kandala et al.
    ///
    /// # Input
    /// ## weights
    /// 2 · n · (layers + 1) angles: `weights[(r * n + qubit) * 2]` is the RY angle and
    /// `weights[(r * n + qubit) * 2 + 1]` the RZ angle of qubit `qubit` in rotation layer `r`;
    /// layer 0 is the initial one.
    /// ## qubits
    /// The n qubits the layers act on.
    ///
    /// # Remarks
    /// The paper interleaves Euler rotations with the entangling drift of its superconducting
    /// device; here the rotations are RY then RZ and the entangler is CZ(0, 1), CZ(1, 2), …,
    /// CZ(n - 2, n - 1), the gates native to most current hardware. Every angle is a weight,
    /// so the circuit lifts to an affine tape.
    ///
    /// # References
    /// - A. Kandala, A. Mezzacapo, K. Temme, M. Takita, M. Brink, J. M. Chow, J. M. Gambetta,
    ///   "Hardware-efficient variational quantum eigensolver for small molecules and quantum
    ///   magnets", Nature 549, 242 (2017). [arXiv:1704.05018](https://arxiv.org/abs/1704.05018)
    operation HardwareEfficientLayers(weights : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        Fact(nQubits > 0 and Length(weights) >= 2 * nQubits and Length(weights) % (2 * nQubits) == 0, $"HardwareEfficientLayers needs 2 · {nQubits} · (layers + 1) weights, got {Length(weights)}.");
        for (layer, layerWeights) in Enumerated(Chunks(2 * nQubits, weights)) {
            if layer > 0 {
                for (control, target) in LadderPairs(nQubits) {
                    CZ(qubits[control], qubits[target]);
                }
            }
            for (angles, qubit) in Zipped(Chunks(2, layerWeights), qubits) {
                Ry(angles[0], qubit);
                Rz(angles[1], qubit);
            }
        }
    }

    /// # Summary
    /// The neighbour pairs (0, 1), (1, 2), …, (n - 2, n - 1) of an n-qubit ladder.
    function LadderPairs(nQubits : Int) : (Int, Int)[] {
        MappedOverRange(i -> (i, i + 1), 0..nQubits - 2)
    }

    /// # Summary
    /// The number of weights `HardwareEfficientLayers` takes for `nLayers` entangling layers on `nQubits` qubits.
    function HardwareEfficientWeightCount(nQubits : Int, nLayers : Int) : Int {
        2 * nQubits * (nLayers + 1)
    }
}
