using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// Fetches an official archive when its files are missing: downloads to a temporary file
/// (progress logged), verifies size and checksum, renames it into place, then extracts it
/// refusing any entry that would land outside the target folder and any link.
/// </summary>
public sealed class DatasetDownload(HttpClient http, ILogger<DatasetDownload> logger)
{
    public async Task<string> FetchAsync(DatasetArchive archive, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, archive.FileName);
        if (!File.Exists(target))
        {
            var temp = target + ".part";
            try
            {
                using var response = await http.GetAsync(archive.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
                await using (var file = File.Create(temp))
                {
                    var buffer = new byte[1 << 20];
                    long total = 0, nextReport = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        total += read;
                        if (total >= nextReport)
                        {
                            logger.LogInformation("{File}: {Done:N0} of {Size:N0} MB", archive.FileName, total >> 20, archive.Size >> 20);
                            nextReport += Math.Max(archive.Size / 20, 1 << 20);
                        }
                    }
                }

                archive.Verify(temp);
                File.Move(temp, target, overwrite: true);
            }
            catch (HttpRequestException e)
            {
                throw new DatasetFormatException(
                    $"cannot download {archive.Url} ({e.Message}); download {archive.FileName} yourself, extract it and pass --data-dir.");
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
        else
        {
            archive.Verify(target);
        }

        Extract(target, folder);
        return Path.Combine(folder, archive.ExtractedFolder);
    }

    /// <summary>Extracts a .tar.gz into <paramref name="folder"/>, refusing path escapes and links.</summary>
    public static void Extract(string archive, string folder)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            var destination = Path.GetFullPath(Path.Combine(root, entry.Name));
            if (!destination.StartsWith(root, StringComparison.Ordinal))
            {
                throw new DatasetFormatException($"{archive}: entry '{entry.Name}' would be written outside {folder}; refusing the archive.");
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(destination);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    var temp = destination + ".part";
                    entry.ExtractToFile(temp, overwrite: true);
                    File.Move(temp, destination, overwrite: true);
                    break;
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    throw new DatasetFormatException($"{archive}: entry '{entry.Name}' is a link; refusing the archive.");
                default:
                    break; // pax headers and the like carry no files
            }
        }
    }
}
