namespace HybridQsharp.Ansatz {
    import Std.Arrays.*;
    import Std.Diagnostics.*;
    import HybridQsharp.Encoding.*;

    /// # Summary
    /// Data re-uploading: every layer encodes the features again, as one RY per qubit, then
    /// applies a trainable Rot(φ, θ, ω) to each qubit; CZ gates between neighbours entangle
    /// the qubits between layers.
    ///
    /// # Input
    /// ## features
    /// One angle per qubit, encoded again in every layer.
    /// ## weights
    /// 3 · n · layers angles: `weights[(layer * n + qubit) * 3 + k]`, k = 0, 1, 2 for the
    /// angles (φ, θ, ω) of Rot(φ, θ, ω) = RZ(ω) · RY(θ) · RZ(φ).
    /// ## qubits
    /// n qubits in |0…0⟩.
    ///
    /// # Remarks
    /// This is the paper's layer L(i) = U(φᵢ) U(x), processing after encoding. The paper also
    /// weights the data inside the rotation, U(θᵢ + wᵢ ∘ x); that product of a weight and a
    /// feature is not affine in the circuit parameters, so it cannot be lifted to a tape and
    /// is left out. The entangler after every layer but the last is CZ(0, 1), CZ(1, 2), …,
    /// as the paper's multi-qubit classifiers entangle neighbours with CZ.
    ///
    /// # References
    /// - A. Pérez-Salinas, A. Cervera-Lierta, E. Gil-Fuster, J. I. Latorre, "Data re-uploading
    ///   for a universal quantum classifier", Quantum 4, 226 (2020).
    ///   [arXiv:1907.02085](https://arxiv.org/abs/1907.02085)
    operation DataReuploadingLayers(features : Double[], weights : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        Fact(nQubits > 0 and Length(weights) >= 3 * nQubits and Length(weights) % (3 * nQubits) == 0, $"DataReuploadingLayers needs a positive multiple of {3 * nQubits} weights, got {Length(weights)}.");
        let layers = Chunks(3 * nQubits, weights);
        for (layer, layerWeights) in Enumerated(layers) {
            if layer > 0 {
                for (control, target) in LadderPairs(nQubits) {
                    CZ(qubits[control], qubits[target]);
                }
            }
            AngleEncoding(features, qubits);
            for (rotation, qubit) in Zipped(Chunks(3, layerWeights), qubits) {
                ApplyRot(rotation, qubit);
            }
        }
    }

    /// # Summary
    /// The number of weights `DataReuploadingLayers` takes for `nLayers` layers on `nQubits` qubits.
    function DataReuploadingWeightCount(nQubits : Int, nLayers : Int) : Int {
        3 * nQubits * nLayers
    }
}
