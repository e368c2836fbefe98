using System.Buffers.Binary;
using System.Xml.Linq;
using HybridQsharp.Host.Figures;

namespace HybridQsharp.Tests.Host.Figures;

/// <summary>Checks a written figure: a PNG of the expected size and a parseable SVG showing the title.</summary>
public static class FigureAssert
{
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is too short for a PNG");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    public static void Written(FigureFiles files, string title, int width, int height)
    {
        Assert.Equal((width, height), PngSize(files.Png));
        Assert.True(new FileInfo(files.Png).Length > 2000, "PNG suspiciously small");
        var svg = XDocument.Load(files.Svg);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains(title, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(files.Png)!, "*.tmp-*"));
    }
}
