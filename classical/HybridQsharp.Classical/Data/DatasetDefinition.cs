using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// Everything the project knows about one dataset, in one place: its name, where its files are
/// and how to read them, its official archive, how it splits into train, validation and test,
/// its normalisation and augmentation, and the paper's network shapes for it. Adding a dataset
/// is a subclass in <c>Data/Datasets/</c>, its reader, and one line in <see cref="DatasetCatalog.BuiltIn"/>
/// (or <c>services.AddDataset(...)</c> from outside the library).
/// </summary>
public abstract class DatasetDefinition
{
    /// <summary>The name used on the command line, in configuration and in run folders (e.g. "mnist").</summary>
    public abstract string Key { get; }

    /// <summary>How the dataset is named in reports and figure titles (e.g. "MNIST").</summary>
    public abstract string DisplayName { get; }

    public abstract Normalization Normalization { get; }

    /// <summary>The train-time augmentation (the paper applies it to the validation split too).</summary>
    public abstract ImageAugmentation Augmentation { get; }

    /// <summary>The paper's network shapes for this dataset (convolutions, reducer, heads).</summary>
    public abstract PaperArchitecture Architecture { get; }

    /// <summary>How the official files become train, validation and test.</summary>
    public abstract SplitPolicy SplitPolicy { get; }

    /// <summary>The official archive to download when the files are missing, or null when there is none to fetch.</summary>
    public virtual DatasetArchive? Archive => null;

    /// <summary>What the user should put in --data-dir, for messages.</summary>
    public abstract string FilesDescription { get; }

    /// <summary>Whether <paramref name="folder"/> holds the dataset's official files.</summary>
    public abstract bool HasOfficialFiles(string folder);

    /// <summary>The official train and test sets from <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetFormatException">A file is missing, corrupt or inconsistent.</exception>
    public abstract (ImageSet Train, ImageSet Test) LoadOfficial(string folder);

    /// <summary>The folder used when no --data-dir is given: where downloaded archives go.</summary>
    public virtual string DefaultFolder() => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "HybridQsharp", "datasets", Key);

    /// <summary>The folder to read: the given one, else <see cref="DefaultFolder"/>.</summary>
    public string ResolveFolder(string? dataDirectory) =>
        string.IsNullOrWhiteSpace(dataDirectory) ? DefaultFolder() : Path.GetFullPath(dataDirectory);

    public override string ToString() => Key;

    /// <summary>The file <paramref name="name"/> (also tried with .gz) in <paramref name="folder"/>, else a clear error.</summary>
    protected string Require(string folder, string name) =>
        DatasetFile.Find(folder, name)
        ?? throw new DatasetFormatException(
            $"{Path.Combine(folder, name)}: file not found; put the official {FilesDescription} files in {folder} (or pass --data-dir).");
}
