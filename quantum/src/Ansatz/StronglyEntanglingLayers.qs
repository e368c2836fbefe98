namespace HybridQsharp.Ansatz {
    import Std.Arrays.*;
    import Std.Diagnostics.*;

    /// # Summary
    /// Layers of a general rotation per qubit followed by CNOTs whose range grows with the
    /// layer, as PennyLane's `StronglyEntanglingLayers`.
    ///
    /// # Input
    /// ## weights
    /// `weights[(layer * n + qubit) * 3 + k]`, k = 0, 1, 2 for the angles (φ, θ, ω) of
    /// Rot(φ, θ, ω) = RZ(ω) · RY(θ) · RZ(φ).
    /// ## qubits
    /// The n qubits the layers act on.
    ///
    /// # Remarks
    /// Layer l entangles qubit i with qubit (i + r) mod n, r = (l mod (n - 1)) + 1, which is
    /// PennyLane's default range sequence.
    operation StronglyEntanglingLayers(weights : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        Fact(nQubits > 0 and Length(weights) % (3 * nQubits) == 0, $"StronglyEntanglingLayers needs a multiple of {3 * nQubits} weights, got {Length(weights)}.");
        for (layer, layerWeights) in Enumerated(Chunks(3 * nQubits, weights)) {
            for (rotation, qubit) in Zipped(Chunks(3, layerWeights), qubits) {
                ApplyRot(rotation, qubit);
            }
            for (control, target) in RangedEntanglers(nQubits, layer) {
                CNOT(qubits[control], qubits[target]);
            }
        }
    }

    /// # Summary
    /// Rot(φ, θ, ω) = RZ(ω) · RY(θ) · RZ(φ): RZ(φ) acts first.
    operation ApplyRot(angles : Double[], qubit : Qubit) : Unit is Adj + Ctl {
        Rz(angles[0], qubit);
        Ry(angles[1], qubit);
        Rz(angles[2], qubit);
    }

    /// # Summary
    /// The (control, target) pairs of layer `layer` of `StronglyEntanglingLayers`.
    function RangedEntanglers(nQubits : Int, layer : Int) : (Int, Int)[] {
        if nQubits < 2 {
            []
        } else {
            let range = layer % (nQubits - 1) + 1;
            MappedOverRange(i -> (i, (i + range) % nQubits), 0..nQubits - 1)
        }
    }

    /// # Summary
    /// The number of weights `StronglyEntanglingLayers` takes for `nLayers` layers on `nQubits` qubits.
    function StronglyEntanglingWeightCount(nQubits : Int, nLayers : Int) : Int {
        3 * nQubits * nLayers
    }
}
