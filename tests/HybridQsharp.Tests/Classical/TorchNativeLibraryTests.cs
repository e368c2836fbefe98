using HybridQsharp.Classical.Torch;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

public sealed class TorchNativeLibraryTests
{
    [Fact]
    public void TorchSharpLoadsAndComputes()
    {
        TorchNativeLibrary.EnsureLoaded();
        using var a = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        using var loss = (a * a).sum();
        loss.backward();
        Assert.Equal(new[] { 2.0, 4.0, 6.0 }, a.grad!.data<double>().ToArray());
    }

    [Fact]
    public void PatchMakesOnlyTheNamedVersionWeakAndUnversionsItsSymbol()
    {
        var glue = Path.Combine(Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!, "runtimes", "linux-x64", "native",
            "libLibTorchSharp.so");
        var image = File.ReadAllBytes(glue);

        var outcome = ElfVersionNeedPatch.Apply(image, "GLIBCXX_3.4.32");

        Assert.True(outcome.VersionFound);
        Assert.Equal(1, outcome.SymbolsUnversioned);
        var copy = Path.Combine(Path.GetTempPath(), $"glue-{Guid.NewGuid():N}.so");
        try
        {
            File.WriteAllBytes(copy, image);
            // readelf (binutils) is the independent reader of the result.
            var versions = Readelf("-V", copy);
            Assert.Matches(@"Name: GLIBCXX_3\.4\.32\s+Flags: WEAK", versions);
            Assert.Matches(@"Name: GLIBCXX_3\.4\.30?\s+Flags: none", versions);
            var symbols = Readelf("--dyn-syms -W", copy);
            Assert.Contains("_ZSt21ios_base_library_initv", symbols);
            Assert.DoesNotContain("_ZSt21ios_base_library_initv@GLIBCXX_3.4.32", symbols);
            Assert.Contains("@GLIBCXX_3.4", symbols);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void PatchRefusesNonElf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatch.Apply(new byte[128], "GLIBCXX_3.4.32"));
    }

    private static string Readelf(string arguments, string file)
    {
        using var process = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("readelf", $"{arguments} {file}") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
