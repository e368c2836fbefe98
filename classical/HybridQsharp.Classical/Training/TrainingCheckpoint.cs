using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// What a resumed run needs: the model's weights, the optimiser's state, the torch RNG state
/// (dropout, random starts) and the run's progress and history. One file, written to a temporary
/// name and renamed over the old one, so a crash mid-write never leaves a broken checkpoint.
/// </summary>
/// <remarks>
/// Format 2: the magic "HQCKPT2\n", four length-prefixed blocks (state JSON, model, optimiser,
/// RNG), then the SHA-256 of every byte before it. The checksum is verified before anything is
/// parsed, so a file damaged on disk or in a copy is refused by name instead of loading as
/// weights that make every loss NaN. Format 1 (no checksum) still reads; its weights are checked
/// to be finite when restored, the only check its content allows.
/// </remarks>
public sealed class TrainingCheckpoint
{
    /// <summary>The format this class writes.</summary>
    public const int CurrentFormat = 2;

    private const int ChecksumLength = SHA256.HashSizeInBytes;
    private static readonly byte[] MagicV1 = "HQCKPT1\n"u8.ToArray();
    private static readonly byte[] MagicV2 = "HQCKPT2\n"u8.ToArray();

    public required CheckpointState State { get; init; }

    public required byte[] Model { get; init; }

    public byte[]? Optimizer { get; init; }

    public byte[]? RandomState { get; init; }

    /// <summary>The format the file was read from (<see cref="CurrentFormat"/> for a new capture).</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Captures <paramref name="model"/> (and optionally optimiser and RNG) with <paramref name="state"/>.</summary>
    /// <exception cref="CheckpointException">A weight or buffer of the model is NaN or infinite: such a model is never saved.</exception>
    public static TrainingCheckpoint Capture(nn.Module model, optim.Optimizer? optimizer, CheckpointState state, bool includeRandomState)
    {
        if (FirstNonFiniteTensor(model) is { } name)
        {
            throw new CheckpointException($"{state.Model}: {name} holds NaN or infinite values after epoch {state.CompletedEpochs}; " +
                $"such a model is not saved as a checkpoint.");
        }

        return new TrainingCheckpoint
        {
            State = state,
            Model = Serialize(w => model.save(w)),
            Optimizer = optimizer is null ? null : Serialize(w => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(w)),
            RandomState = includeRandomState ? RandomStateBytes() : null,
        };
    }

    /// <summary>Writes atomically: a temporary file in the same folder, then a rename.</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var bytes = ToBytes();
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The file's bytes: header, blocks, and the SHA-256 of both, last.</summary>
    public byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(MagicV2);
            WriteBlock(writer, JsonSerializer.SerializeToUtf8Bytes(State, CheckpointState.Json));
            WriteBlock(writer, Model);
            WriteBlock(writer, Optimizer ?? []);
            WriteBlock(writer, RandomState ?? []);
        }

        var body = memory.ToArray();
        var file = new byte[body.Length + ChecksumLength];
        body.CopyTo(file, 0);
        SHA256.HashData(body, file.AsSpan(body.Length));
        return file;
    }

    /// <exception cref="CheckpointException">The file is missing, truncated, damaged (checksum) or not a checkpoint.</exception>
    public static TrainingCheckpoint Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckpointException($"Checkpoint {path} does not exist.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Checkpoint {path} is unreadable: {e.Message}");
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads a checkpoint from its bytes; <paramref name="path"/> names it in errors.</summary>
    public static TrainingCheckpoint Parse(byte[] bytes, string path)
    {
        int format;
        ReadOnlyMemory<byte> body;
        if (bytes.AsSpan().StartsWith(MagicV2))
        {
            if (bytes.Length < MagicV2.Length + ChecksumLength)
            {
                throw new CheckpointException($"Checkpoint {path} is truncated ({bytes.Length} bytes).");
            }

            var content = bytes.AsSpan(0, bytes.Length - ChecksumLength);
            if (!SHA256.HashData(content).AsSpan().SequenceEqual(bytes.AsSpan(content.Length)))
            {
                throw new CheckpointException(
                    $"Checkpoint {path} is damaged: its SHA-256 checksum does not match its content (truncated, overwritten or corrupted on disk).");
            }

            format = 2;
            body = bytes.AsMemory(MagicV2.Length, content.Length - MagicV2.Length);
        }
        else if (bytes.AsSpan().StartsWith(MagicV1))
        {
            format = 1;
            body = bytes.AsMemory(MagicV1.Length);
        }
        else
        {
            throw new CheckpointException($"{path} is not a HybridQsharp checkpoint (bad header).");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(body.ToArray()));
            var state = JsonSerializer.Deserialize<CheckpointState>(ReadBlock(reader, path), CheckpointState.Json)
                ?? throw new CheckpointException($"Checkpoint {path} has an empty state.");
            var model = ReadBlock(reader, path);
            var optimizer = ReadBlock(reader, path);
            var random = ReadBlock(reader, path);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new CheckpointException(
                    $"Checkpoint {path} has {reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes after its blocks.");
            }

            return new TrainingCheckpoint
            {
                State = state,
                Model = model,
                Optimizer = optimizer.Length == 0 ? null : optimizer,
                RandomState = random.Length == 0 ? null : random,
                Format = format,
            };
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or NotSupportedException)
        {
            throw new CheckpointException($"Checkpoint {path} is unreadable: {e.Message}");
        }
    }

    /// <summary>Loads the weights into <paramref name="model"/> (same architecture).</summary>
    /// <exception cref="CheckpointException">The weights do not fit the model, or are not finite.</exception>
    public void RestoreModel(nn.Module model)
    {
        using var reader = new BinaryReader(new MemoryStream(Model));
        try
        {
            model.load(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException or OverflowException)
        {
            throw new CheckpointException($"The checkpoint's weights do not fit this model ({State.Model}): {e.Message}");
        }

        if (FirstNonFiniteTensor(model) is { } name)
        {
            throw new CheckpointException(
                $"The checkpoint of {State.Model} (epoch {State.CompletedEpochs}) holds NaN or infinite values in {name}; it cannot be used.");
        }
    }

    public void RestoreOptimizer(optim.Optimizer optimizer)
    {
        if (Optimizer is null)
        {
            throw new CheckpointException("The checkpoint holds no optimiser state, so the run cannot resume from it.");
        }

        using var reader = new BinaryReader(new MemoryStream(Optimizer));
        try
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new CheckpointException($"The checkpoint's optimiser state does not fit this model ({State.Model}): {e.Message}");
        }
    }

    public void RestoreRandomState()
    {
        if (RandomState is null)
        {
            return;
        }

        using var state = tensor(RandomState, ScalarType.Byte);
        set_rng_state(state);
    }

    /// <summary>The name of the first parameter or buffer holding NaN or ±∞, or null when all are finite.</summary>
    public static string? FirstNonFiniteTensor(nn.Module model)
    {
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.is_floating_point() && !isfinite(parameter).all().item<bool>())
            {
                return name;
            }
        }

        foreach (var (name, buffer) in model.named_buffers())
        {
            if (buffer.is_floating_point() && !isfinite(buffer).all().item<bool>())
            {
                return name;
            }
        }

        return null;
    }

    private static byte[] RandomStateBytes()
    {
        using var state = get_rng_state();
        return state.data<byte>().ToArray();
    }

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return memory.ToArray();
    }

    private static void WriteBlock(BinaryWriter writer, byte[] block)
    {
        writer.Write((long)block.Length);
        writer.Write(block);
    }

    private static byte[] ReadBlock(BinaryReader reader, string path)
    {
        var length = reader.ReadInt64();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new CheckpointException($"Checkpoint {path} is truncated.");
        }

        return reader.ReadBytes((int)length);
    }
}
