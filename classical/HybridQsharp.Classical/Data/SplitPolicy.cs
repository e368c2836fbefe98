namespace HybridQsharp.Classical.Data;

/// <summary>How a dataset's official files become the paper's train, validation and test splits.</summary>
public enum SplitPolicy
{
    /// <summary>A seeded random 80/20 split of the official train set; the official test set is the test split (MNIST, CIFAR-100).</summary>
    ValidationFromTrain,

    /// <summary>80 % of the official train set for training; the official test set serves as validation and again as test (STL-10).</summary>
    TestAsValidation,
}
