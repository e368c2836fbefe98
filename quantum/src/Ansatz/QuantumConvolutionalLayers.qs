namespace HybridQsharp.Ansatz {
    import Std.Arrays.*;
    import Std.Diagnostics.*;
    import Std.Math.*;

    /// # Summary
    /// A quantum convolutional neural network without mid-circuit measurement: each level
    /// applies one parametrised two-qubit block to every neighbouring pair of the active
    /// qubits (convolution, the same weights across the level), then pools each pair onto
    /// one qubit by rotations controlled by the qubit it discards, halving the active qubits.
    ///
    /// # Input
    /// ## weights
    /// 5 per level: `weights[5 * level + k]`, k = 0, 1, 2 for the convolution block and
    /// k = 3, 4 for the pooling rotations.
    /// ## qubits
    /// The n qubits; a circuit of L levels needs n > 2^(L - 1), so every level pools.
    ///
    /// # Remarks
    /// Convolution acts on the pairs (a₀, a₁), (a₂, a₃), … of the active qubits a, then on
    /// (a₁, a₂), (a₃, a₄), …. Pooling keeps the second qubit of each pair (a₀, a₁), (a₂, a₃), …
    /// (an unpaired last qubit is kept as it is). The paper measures the discarded qubit and
    /// rotates its neighbour depending on the outcome; by the principle of deferred measurement
    /// the same map is a rotation controlled by the discarded qubit, which keeps the circuit
    /// free of measurement and affine in its weights. The outputs are Z on each qubit still
    /// active after the last level (`QcnnOutputQubits`).
    ///
    /// # References
    /// - I. Cong, S. Choi, M. D. Lukin, "Quantum convolutional neural networks",
    ///   Nature Physics 15, 1273 (2019). [arXiv:1810.03787](https://arxiv.org/abs/1810.03787)
    operation QuantumConvolutionalLayers(weights : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        let nLevels = Length(weights) / 5;
        Fact(nLevels > 0 and Length(weights) == 5 * nLevels, $"QuantumConvolutionalLayers needs 5 weights per level, got {Length(weights)}.");
        Fact(nQubits > 2^(nLevels - 1), $"QuantumConvolutionalLayers needs more than 2^(levels - 1) qubits: {nLevels} levels, {nQubits} qubits.");
        for (levelWeights, active) in Zipped(Chunks(5, weights), ActiveQubitsPerLevel(nQubits, nLevels)) {
            for (a, b) in ConvolutionPairs(Length(active)) {
                ApplyConvolutionBlock(levelWeights[0..2], qubits[active[a]], qubits[active[b]]);
            }
            for (discarded, kept) in PoolingPairs(Length(active)) {
                ApplyPooling(levelWeights[3..4], qubits[active[discarded]], qubits[active[kept]]);
            }
        }
    }

    /// # Summary
    /// The parametrised two-qubit block of the convolution: the three-parameter part
    /// N(α, β, γ) of a general two-qubit gate in Vatan and Williams' optimal circuit.
    ///
    /// # References
    /// - F. Vatan, C. Williams, "Optimal quantum circuits for general two-qubit gates",
    ///   Phys. Rev. A 69, 032315 (2004). [arXiv:quant-ph/0308006](https://arxiv.org/abs/quant-ph/0308006)
    operation ApplyConvolutionBlock(angles : Double[], first : Qubit, second : Qubit) : Unit is Adj + Ctl {
        Rz(-PI() / 2.0, second);
        CNOT(second, first);
        Rz(angles[0], first);
        Ry(angles[1], second);
        CNOT(first, second);
        Ry(angles[2], second);
        CNOT(second, first);
        Rz(PI() / 2.0, first);
    }

    /// # Summary
    /// Pooling without measurement: RY(angles[0]) on `kept` when `discarded` is |1⟩ and
    /// RY(angles[1]) when it is |0⟩, the rotations the paper applies after measuring it.
    operation ApplyPooling(angles : Double[], discarded : Qubit, kept : Qubit) : Unit is Adj + Ctl {
        Controlled Ry([discarded], (angles[0], kept));
        within {
            X(discarded);
        } apply {
            Controlled Ry([discarded], (angles[1], kept));
        }
    }

    /// # Summary
    /// Index pairs (into the active qubits) of one convolution level on `nActive` qubits:
    /// (0, 1), (2, 3), … then (1, 2), (3, 4), ….
    function ConvolutionPairs(nActive : Int) : (Int, Int)[] {
        MappedOverRange(i -> (i, i + 1), 0..2..nActive - 2) + MappedOverRange(i -> (i, i + 1), 1..2..nActive - 2)
    }

    /// # Summary
    /// Index pairs (discarded, kept) of one pooling level on `nActive` qubits: (0, 1), (2, 3), ….
    function PoolingPairs(nActive : Int) : (Int, Int)[] {
        MappedOverRange(i -> (i, i + 1), 0..2..nActive - 2)
    }

    /// # Summary
    /// The qubits still active after pooling `active`: the second of each pair, and an
    /// unpaired last qubit.
    function PooledQubits(active : Int[]) : Int[] {
        let n = Length(active);
        MappedOverRange(i -> active[i + 1], 0..2..n - 2) + (n % 2 == 1 ? [Tail(active)] | [])
    }

    /// # Summary
    /// The qubits still active after `nLevels` levels on `nQubits` qubits: the ones the
    /// classifier measures.
    function QcnnOutputQubits(nQubits : Int, nLevels : Int) : Int[] {
        PooledQubits(Tail(ActiveQubitsPerLevel(nQubits, nLevels)))
    }

    /// # Summary
    /// The active qubits at the start of each of `nLevels` levels on `nQubits` qubits.
    function ActiveQubitsPerLevel(nQubits : Int, nLevels : Int) : Int[][] {
        Fact(nLevels >= 1 and nQubits > 2^(nLevels - 1), $"A QCNN of {nLevels} levels needs more than 2^{nLevels - 1} qubits, got {nQubits}.");
        mutable levels = [SequenceI(0, nQubits - 1)];
        for _ in 2..nLevels {
            set levels += [PooledQubits(Tail(levels))];
        }
        levels
    }

    /// # Summary
    /// The number of weights `QuantumConvolutionalLayers` takes for `nLevels` levels.
    function QcnnWeightCount(nQubits : Int, nLevels : Int) : Int {
        5 * nLevels
    }
}
