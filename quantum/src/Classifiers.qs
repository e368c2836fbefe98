namespace HybridQsharp.Classifiers {
    import Std.Arrays.*;
    import HybridQsharp.Ansatz.*;
    import HybridQsharp.Encoding.*;

    // Every classifier `Op` has a companion function `OpShape(nQubits, nLayers) : Shape` that
    // declares how many features and weights it reads, what it measures and the range of its
    // features; the host reads the shape of built-in and user classifiers alike.

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
    /// The shape of `AmplitudeClassifier`.
    function AmplitudeClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AmplitudeShape(nQubits, BasicEntanglerWeightCount(nQubits, nLayers), [])
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
    /// The shape of `AngleClassifier`.
    function AngleClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AngleShape(nQubits, BasicEntanglerWeightCount(nQubits, nLayers), [])
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
    /// The shape of `AmplitudeStronglyEntanglingClassifier`.
    function AmplitudeStronglyEntanglingClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AmplitudeShape(nQubits, StronglyEntanglingWeightCount(nQubits, nLayers), [])
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

    /// # Summary
    /// The shape of `AngleStronglyEntanglingClassifier`.
    function AngleStronglyEntanglingClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AngleShape(nQubits, StronglyEntanglingWeightCount(nQubits, nLayers), [])
    }

    /// # Summary
    /// Data re-uploading: the n angles are encoded again before every trainable layer.
    ///
    /// # Input
    /// ## features
    /// n angles, one per qubit.
    /// ## weights
    /// 3 · n · layers rotation angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    ///
    /// # References
    /// - A. Pérez-Salinas, A. Cervera-Lierta, E. Gil-Fuster, J. I. Latorre, "Data re-uploading
    ///   for a universal quantum classifier", Quantum 4, 226 (2020).
    operation AngleDataReuploadingClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        DataReuploadingLayers(features, weights, qubits);
    }

    /// # Summary
    /// The shape of `AngleDataReuploadingClassifier`.
    function AngleDataReuploadingClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AngleShape(nQubits, DataReuploadingWeightCount(nQubits, nLayers), [])
    }

    /// # Summary
    /// Amplitude encoding followed by a quantum convolutional neural network of `layers`
    /// convolution and pooling levels.
    ///
    /// # Input
    /// ## features
    /// 2ⁿ - 1 RY-tree angles.
    /// ## weights
    /// 5 · layers angles.
    /// ## qubits
    /// n qubits in |0…0⟩, n > 2^(layers - 1); the outputs are ⟨Z⟩ on the qubits left
    /// active by the last pooling (`QcnnOutputQubits`).
    ///
    /// # References
    /// - I. Cong, S. Choi, M. D. Lukin, "Quantum convolutional neural networks",
    ///   Nature Physics 15, 1273 (2019).
    operation AmplitudeQcnnClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AmplitudeEncoding(features, qubits);
        QuantumConvolutionalLayers(weights, qubits);
    }

    /// # Summary
    /// The shape of `AmplitudeQcnnClassifier`: Z on each qubit left after pooling.
    function AmplitudeQcnnClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AmplitudeShape(nQubits, QcnnWeightCount(nQubits, nLayers), QcnnObservables(nQubits, nLayers))
    }

    /// # Summary
    /// Angle encoding followed by a quantum convolutional neural network of `layers`
    /// convolution and pooling levels.
    ///
    /// # Input
    /// ## features
    /// n angles, one per qubit.
    /// ## weights
    /// 5 · layers angles.
    /// ## qubits
    /// n qubits in |0…0⟩, n > 2^(layers - 1).
    ///
    /// # References
    /// - I. Cong, S. Choi, M. D. Lukin, "Quantum convolutional neural networks",
    ///   Nature Physics 15, 1273 (2019).
    operation AngleQcnnClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AngleEncoding(features, qubits);
        QuantumConvolutionalLayers(weights, qubits);
    }

    /// # Summary
    /// The shape of `AngleQcnnClassifier`: Z on each qubit left after pooling.
    function AngleQcnnClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AngleShape(nQubits, QcnnWeightCount(nQubits, nLayers), QcnnObservables(nQubits, nLayers))
    }

    /// # Summary
    /// Amplitude encoding followed by the hardware-efficient RY/RZ + CZ ladder ansatz.
    ///
    /// # Input
    /// ## features
    /// 2ⁿ - 1 RY-tree angles.
    /// ## weights
    /// 2 · n · (layers + 1) rotation angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    ///
    /// # References
    /// - A. Kandala et al., "Hardware-efficient variational quantum eigensolver for small
    ///   molecules and quantum magnets", Nature 549, 242 (2017).
    operation AmplitudeHardwareEfficientClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AmplitudeEncoding(features, qubits);
        HardwareEfficientLayers(weights, qubits);
    }

    /// # Summary
    /// The shape of `AmplitudeHardwareEfficientClassifier`.
    function AmplitudeHardwareEfficientClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AmplitudeShape(nQubits, HardwareEfficientWeightCount(nQubits, nLayers), [])
    }

    /// # Summary
    /// Angle encoding followed by the hardware-efficient RY/RZ + CZ ladder ansatz.
    ///
    /// # Input
    /// ## features
    /// n angles, one per qubit.
    /// ## weights
    /// 2 · n · (layers + 1) rotation angles.
    /// ## qubits
    /// n qubits in |0…0⟩.
    ///
    /// # References
    /// - A. Kandala et al., "Hardware-efficient variational quantum eigensolver for small
    ///   molecules and quantum magnets", Nature 549, 242 (2017).
    operation AngleHardwareEfficientClassifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
        AngleEncoding(features, qubits);
        HardwareEfficientLayers(weights, qubits);
    }

    /// # Summary
    /// The shape of `AngleHardwareEfficientClassifier`.
    function AngleHardwareEfficientClassifierShape(nQubits : Int, nLayers : Int) : Shape {
        AngleShape(nQubits, HardwareEfficientWeightCount(nQubits, nLayers), [])
    }

    /// # Summary
    /// Z on each qubit the QCNN leaves active after `nLevels` levels.
    function QcnnObservables(nQubits : Int, nLevels : Int) : Pauli[][] {
        Mapped(q -> ZOn(nQubits, q), QcnnOutputQubits(nQubits, nLevels))
    }

    internal function AmplitudeShape(nQubits : Int, weights : Int, observables : Pauli[][]) : Shape {
        new Shape { Features = AmplitudeFeatureCount(nQubits), Weights = weights, Observables = observables, FeatureRange = AmplitudeFeatureRange() }
    }

    internal function AngleShape(nQubits : Int, weights : Int, observables : Pauli[][]) : Shape {
        new Shape { Features = AngleFeatureCount(nQubits), Weights = weights, Observables = observables, FeatureRange = AngleFeatureRange() }
    }
}
