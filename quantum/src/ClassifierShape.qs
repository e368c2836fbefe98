namespace HybridQsharp.Classifiers {
    import Std.Arrays.*;

    /// # Summary
    /// What a classifier reads and what it measures, for a given register and depth: the
    /// value its companion shape function returns.
    ///
    /// # Named Items
    /// ## Features
    /// How many entries of `features` the classifier reads: `features[0]` … `features[Features - 1]`.
    /// ## Weights
    /// How many entries of `weights` it reads: `weights[0]` … `weights[Weights - 1]`.
    /// ## Observables
    /// The Pauli strings whose expectations are its outputs, each a `Pauli[]` with one entry
    /// per qubit (`PauliI` where it acts trivially); `[]` means Z on each qubit.
    /// ## FeatureRange
    /// `[min, max]` of the values the features take in training; `[]` means [-π, π].
    ///
    /// # Remarks
    /// A classifier `Ns.Op` declares its shape with a function `Ns.OpShape(nQubits : Int,
    /// nLayers : Int)` returning a struct with these fields; the host reads them by name, so
    /// a user's project declares its own struct and needs nothing from this library.
    struct Shape {
        Features : Int,
        Weights : Int,
        Observables : Pauli[][],
        FeatureRange : Double[],
    }

    /// # Summary
    /// The observable Z on qubit `qubit` of an `nQubits`-qubit register, as a `Pauli[]`.
    function ZOn(nQubits : Int, qubit : Int) : Pauli[] {
        MappedOverRange(q -> q == qubit ? PauliZ | PauliI, 0..nQubits - 1)
    }
}
