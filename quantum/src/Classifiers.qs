namespace HybridQsharp.Classifiers {
    import HybridQsharp.Ansatz.*;
    import HybridQsharp.Encoding.*;

    /// # Summary
    /// The paper's quantum layer: amplitude encoding followed by BasicEntanglerLayers.
    ///
    /// # Input
    /// ## features
    /// 2ⁿ - 1 RY-tree angles (see `AmplitudeTreeAngles`).
    /// ## weights
    /// n · layers RX angles.
    /// ## qubits
    /// n qubits in |0…0⟩; the classifier's outputs are ⟨Z⟩ on each of them.
    operation AmplitudeClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AmplitudeEncoding(features, qubits);
        BasicEntanglerLayers(weights, qubits);
    }

    /// # Summary
    /// The paper's second variant: angle encoding followed by BasicEntanglerLayers.
    ///
    /// # Input
    /// ## features
    /// n angles, one per qubit.
    /// ## weights
    /// n · layers RX angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    operation AngleClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AngleEncoding(features, qubits);
        BasicEntanglerLayers(weights, qubits);
    }

    /// # Summary
    /// Amplitude encoding followed by StronglyEntanglingLayers.
    ///
    /// # Input
    /// ## features
    /// 2ⁿ - 1 RY-tree angles.
    /// ## weights
    /// 3 · n · layers rotation angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    operation AmplitudeStronglyEntanglingClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AmplitudeEncoding(features, qubits);
        StronglyEntanglingLayers(weights, qubits);
    }

    /// # Summary
    /// Angle encoding followed by StronglyEntanglingLayers.
    ///
    /// # Input
    /// ## features
    /// n angles, one per qubit.
    /// ## weights
    /// 3 · n · layers rotation angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    operation AngleStronglyEntanglingClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AngleEncoding(features, qubits);
        StronglyEntanglingLayers(weights, qubits);
    }
}
