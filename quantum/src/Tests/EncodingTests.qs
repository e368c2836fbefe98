namespace HybridQsharp.Tests {
    import Std.Arrays.*;
    import Std.Diagnostics.*;
    import Std.Math.*;
    import Std.Random.*;
    import Std.StatePreparation.*;
    import HybridQsharp.Encoding.*;

    /// # Summary
    /// The RY tree prepares the state of random non-negative amplitudes on 2 to 5 qubits:
    /// undoing it with the standard library's own state preparation returns |0…0⟩.
    @Test()
    operation AmplitudeEncodingPreparesRandomStates() : Unit {
        for nQubits in 2..5 {
            let amplitudes = DrawMany(() => DrawRandomDouble(0.0, 1.0), 2^nQubits, ());
            use qubits = Qubit[nQubits];
            AmplitudeEncoding(AmplitudeTreeAngles(amplitudes), qubits);
            Adjoint PreparePureStateD(amplitudes, qubits);
            Fact(CheckAllZero(qubits), $"Amplitude encoding on {nQubits} qubits did not prepare the requested state.");
        }
    }

    /// # Summary
    /// A basis state's tree angles are 0 or π, so the encoding prepares exactly that basis state.
    @Test()
    operation AmplitudeEncodingPreparesBasisStates() : Unit {
        for index in 0..7 {
            let amplitudes = MappedOverRange(j -> j == index ? 1.0 | 0.0, 0..7);
            use qubits = Qubit[3];
            AmplitudeEncoding(AmplitudeTreeAngles(amplitudes), qubits);
            ApplyXorInPlace(index, Reversed(qubits));
            Fact(CheckAllZero(qubits), $"Basis state {index} was not prepared.");
        }
    }

    /// # Summary
    /// Angle encoding is RY(angle) on each qubit.
    @Test()
    operation AngleEncodingIsRyPerQubit() : Unit {
        let angles = [0.3, -1.2, PI()];
        use qubits = Qubit[3];
        AngleEncoding(angles, qubits);
        for (angle, qubit) in Zipped(angles, qubits) {
            Ry(-angle, qubit);
        }
        Fact(CheckAllZero(qubits), "Angle encoding is not one RY per qubit.");
    }
}
