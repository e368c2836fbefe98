namespace HybridQsharp.Encoding {
    import Std.Arrays.*;
    import Std.Diagnostics.*;
    import Std.Math.*;

    /// # Summary
    /// Computes the rotation angles of the uniformly controlled RY tree that prepares the
    /// state whose amplitudes are proportional to `amplitudes` (Möttönen state preparation).
    ///
    /// # Input
    /// ## amplitudes
    /// 2ⁿ real, non-negative amplitudes in big-endian order (the first qubit is the most
    /// significant bit). They need not be normalised.
    ///
    /// # Output
    /// 2ⁿ - 1 angles, level by level: the angle for qubit 0, then the 2 angles for qubit 1
    /// (one per value of qubit 0), then the 4 angles for qubit 2, and so on.
    ///
    /// # Remarks
    /// Each angle splits the weight of a block of amplitudes between its two halves,
    /// 2·atan2(‖right half‖, ‖left half‖), so signs are not encoded: the paper feeds
    /// abs() of a softmax, and this is the convention the C# encoding layer mirrors.
    ///
    /// # References
    /// - [arXiv:quant-ph/0407010](https://arxiv.org/abs/quant-ph/0407010)
    function AmplitudeTreeAngles(amplitudes : Double[]) : Double[] {
        let nQubits = QubitCountForAmplitudes(amplitudes);
        Flattened(MappedOverRange(
            level -> Mapped(HalfSplitAngle, Chunks(2^(nQubits - level), amplitudes)),
            0..nQubits - 1
        ))
    }

    /// # Summary
    /// The number of tree angles amplitude encoding takes on `nQubits` qubits: 2ⁿ - 1.
    function AmplitudeFeatureCount(nQubits : Int) : Int {
        2^nQubits - 1
    }

    /// # Summary
    /// `[min, max]` of the tree angles: each is 2·atan2 of two norms, so it lies in [0, π].
    function AmplitudeFeatureRange() : Double[] {
        [0.0, PI()]
    }

    /// # Summary
    /// Returns the number of qubits whose state space has exactly `Length(amplitudes)` entries.
    function QubitCountForAmplitudes(amplitudes : Double[]) : Int {
        let nQubits = BitSizeI(Length(amplitudes)) - 1;
        Fact(nQubits >= 1 and 2^nQubits == Length(amplitudes), $"Amplitude encoding needs 2ⁿ amplitudes (n ≥ 1), got {Length(amplitudes)}.");
        nQubits
    }

    /// # Summary
    /// The RY angle that distributes a block's weight between its left and right halves.
    function HalfSplitAngle(block : Double[]) : Double {
        let half = Length(block) / 2;
        2.0 * ArcTan2(PNorm(2.0, block[half...]), PNorm(2.0, block[...half - 1]))
    }

    /// # Summary
    /// Prepares a real, non-negative amplitude state from the angles of its RY tree.
    ///
    /// # Input
    /// ## angles
    /// 2ⁿ - 1 angles as returned by `AmplitudeTreeAngles`.
    /// ## qubits
    /// n qubits in |0…0⟩, big-endian.
    ///
    /// # Remarks
    /// The angles are the operation's input, not the amplitudes, so every rotation angle
    /// in the compiled circuit is an affine function of the input; this is what lets the
    /// host lift the circuit to a parametric tape and differentiate it.
    operation AmplitudeEncoding(angles : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        let nQubits = Length(qubits);
        Fact(Length(angles) == 2^nQubits - 1, $"Amplitude encoding on {nQubits} qubits needs {2^nQubits - 1} angles, got {Length(angles)}.");
        for target in 0..nQubits - 1 {
            ApplyUniformlyControlledRy(angles[2^target - 1..2^(target + 1) - 2], qubits[...target - 1], qubits[target]);
        }
    }

    /// # Summary
    /// Applies RY(angles[k]) to `target` when the big-endian value of `controls` is k.
    ///
    /// # Input
    /// ## angles
    /// 2ᵐ angles for m controls.
    /// ## controls
    /// The control register, big-endian.
    /// ## target
    /// The qubit rotated.
    ///
    /// # Remarks
    /// Decomposed recursively into 2ᵐ RY gates and CNOTs, with no multi-controlled gates:
    /// splitting on the first control, RY((a + b) / 2) · X · RY((a - b) / 2) · X acts as
    /// RY(b) when that control is |1⟩ and as RY(a) when it is |0⟩.
    operation ApplyUniformlyControlledRy(angles : Double[], controls : Qubit[], target : Qubit) : Unit is Adj + Ctl {
        if IsEmpty(controls) {
            Ry(Head(angles), target);
        } else {
            let half = Length(angles) / 2;
            let pairs = Zipped(angles[...half - 1], angles[half...]);
            ApplyUniformlyControlledRy(Mapped((a, b) -> 0.5 * (a + b), pairs), Rest(controls), target);
            CNOT(Head(controls), target);
            ApplyUniformlyControlledRy(Mapped((a, b) -> 0.5 * (a - b), pairs), Rest(controls), target);
            CNOT(Head(controls), target);
        }
    }
}
