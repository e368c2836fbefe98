namespace HybridQsharp.Tests.Host.Figures;

/// <summary>A scratch folder per test; kept for inspection when HYBRIDQ_KEEP_FIGURES names a folder to copy into.</summary>
public sealed class FigureDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hybridq-figures-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        var keep = Environment.GetEnvironmentVariable("HYBRIDQ_KEEP_FIGURES");
        if (!string.IsNullOrEmpty(keep))
        {
            Directory.CreateDirectory(keep);
            foreach (var file in Directory.GetFiles(Path))
            {
                File.Copy(file, System.IO.Path.Combine(keep, System.IO.Path.GetFileName(file)), overwrite: true);
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
