namespace HybridQsharp.Encoding {
    import Std.Arrays.*;
    import Std.Diagnostics.*;
    import Std.Math.*;

    /// # Summary
    /// Encodes one angle per qubit as RY(angle).
    ///
    /// # Input
    /// ## angles
    /// One angle per qubit; the paper scales its inputs to [-π, π] before this.
    /// ## qubits
    /// The register, in |0…0⟩.
    operation AngleEncoding(angles : Double[], qubits : Qubit[]) : Unit is Adj + Ctl {
        Fact(Length(angles) == Length(qubits), $"Angle encoding needs one angle per qubit: {Length(qubits)} qubits, {Length(angles)} angles.");
        for (angle, qubit) in Zipped(angles, qubits) {
            Ry(angle, qubit);
        }
    }

    /// # Summary
    /// The number of angles angle encoding takes on `nQubits` qubits: one per qubit.
    function AngleFeatureCount(nQubits : Int) : Int {
        nQubits
    }

    /// # Summary
    /// `[min, max]` of the angles: the host scales each sample by its largest magnitude to [-π, π].
    function AngleFeatureRange() : Double[] {
        [-PI(), PI()]
    }
}
