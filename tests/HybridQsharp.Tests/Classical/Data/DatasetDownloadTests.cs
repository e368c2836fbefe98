using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Tests.Classical.Data;

/// <summary>Download, checksum and safe extraction against archives the test builds and serves from 127.0.0.1.</summary>
public sealed class DatasetDownloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-download-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AVerifiedArchiveIsDownloadedAndExtracted()
    {
        var bytes = Archive(("set/train.bin", [1, 2, 3]), ("set/test.bin", [4]));
        using var server = new ArchiveServer(bytes);
        var archive = new DatasetArchive(server.Url, "set.tar.gz", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), null, "set");

        var extracted = await new DatasetDownload(new HttpClient(), NullLogger<DatasetDownload>.Instance)
            .FetchAsync(archive, Path.Combine(_folder, "data"), CancellationToken.None);

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(extracted, "train.bin")));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "set.tar.gz")));
    }

    [Fact]
    public async Task AChecksumMismatchLeavesNothingBehind()
    {
        var bytes = Archive(("set/train.bin", [1, 2, 3]));
        using var server = new ArchiveServer(bytes);
        var archive = new DatasetArchive(server.Url, "set.tar.gz", bytes.Length, new string('0', 64), null, "set");
        var target = Path.Combine(_folder, "data");

        var thrown = await Assert.ThrowsAsync<DatasetFormatException>(
            () => new DatasetDownload(new HttpClient(), NullLogger<DatasetDownload>.Instance).FetchAsync(archive, target, CancellationToken.None));

        Assert.Contains("SHA-256", thrown.Message);
        Assert.Empty(Directory.GetFiles(target));
    }

    [Fact]
    public void EntriesEscapingTheFolderAndLinksAreRefused()
    {
        var escape = Path.Combine(_folder, "escape.tar.gz");
        File.WriteAllBytes(escape, Archive(("../outside.bin", [9])));
        var link = Path.Combine(_folder, "link.tar.gz");
        using (var file = File.Create(link))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new TarWriter(gzip))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "set/passwd") { LinkName = "/etc/passwd" });
        }

        var target = Path.Combine(_folder, "out");
        Directory.CreateDirectory(target);

        Assert.Contains("outside", Assert.Throws<DatasetFormatException>(() => DatasetDownload.Extract(escape, target)).Message);
        Assert.Contains("is a link", Assert.Throws<DatasetFormatException>(() => DatasetDownload.Extract(link, target)).Message);
        Assert.False(File.Exists(Path.Combine(_folder, "outside.bin")));
    }

    [Fact]
    public void TheOfficialArchivesCarryPublishedChecksums()
    {
        var archives = DatasetCatalog.BuiltIn.Select(d => d.Archive).OfType<DatasetArchive>().ToList();
        Assert.Equal(2, archives.Count);
        Assert.All(archives, a => Assert.Equal(64, a.Sha256!.Length));
        Assert.True(new Cifar100Dataset().Archive.Size > 100_000_000);
    }

    private static byte[] Archive(params (string Name, byte[] Data)[] entries)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var (name, data) in entries)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        return memory.ToArray();
    }

    /// <summary>Serves one archive over HTTP on 127.0.0.1 (the official hosts are not reachable here).</summary>
    private sealed class ArchiveServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public ArchiveServer(byte[] body)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/set.tar.gz");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        context.Response.ContentLength64 = body.Length;
                        await context.Response.OutputStream.WriteAsync(body);
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public Uri Url { get; }

        public void Dispose() => _listener.Close();
    }
}
