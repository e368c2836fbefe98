using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// What a resumed run needs: the model's weights, the optimiser's state, the torch RNG state
/// (dropout, random starts) and the run's progress and history. One file, written to a temporary
/// name and renamed over the old one, so a crash mid-write never leaves a broken checkpoint.
/// </summary>
public sealed class TrainingCheckpoint
{
    private static readonly byte[] Magic = "HQCKPT1\n"u8.ToArray();

    public required CheckpointState State { get; init; }

    public required byte[] Model { get; init; }

    public byte[]? Optimizer { get; init; }

    public byte[]? RandomState { get; init; }

    /// <summary>Captures <paramref name="model"/> (and optionally optimiser and RNG) with <paramref name="state"/>.</summary>
    public static TrainingCheckpoint Capture(nn.Module model, optim.Optimizer? optimizer, CheckpointState state, bool includeRandomState)
    {
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
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                WriteBlock(writer, JsonSerializer.SerializeToUtf8Bytes(State, CheckpointState.Json));
                WriteBlock(writer, Model);
                WriteBlock(writer, Optimizer ?? []);
                WriteBlock(writer, RandomState ?? []);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <exception cref="CheckpointException">The file is missing, truncated or not a checkpoint.</exception>
    public static TrainingCheckpoint Load(string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"Checkpoint {path} does not exist.");
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new CheckpointException($"{path} is not a HybridQsharp checkpoint (bad header).");
            var state = JsonSerializer.Deserialize<CheckpointState>(ReadBlock(reader, path), CheckpointState.Json)
                ?? throw new CheckpointException($"{path} has an empty state.");
            var model = ReadBlock(reader, path);
            var optimizer = ReadBlock(reader, path);
            var random = ReadBlock(reader, path);
            return new TrainingCheckpoint
            {
                State = state,
                Model = model,
                Optimizer = optimizer.Length == 0 ? null : optimizer,
                RandomState = random.Length == 0 ? null : random,
            };
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new CheckpointException($"Checkpoint {path} is unreadable: {e.Message}");
        }
    }

    /// <summary>Loads the weights into <paramref name="model"/> (same architecture).</summary>
    public void RestoreModel(nn.Module model)
    {
        using var reader = new BinaryReader(new MemoryStream(Model));
        try
        {
            model.load(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException)
        {
            throw new CheckpointException($"The checkpoint's weights do not fit this model ({State.Model}): {e.Message}");
        }
    }

    public void RestoreOptimizer(optim.Optimizer optimizer)
    {
        if (Optimizer is null)
            throw new CheckpointException("The checkpoint holds no optimiser state, so the run cannot resume from it.");
        using var reader = new BinaryReader(new MemoryStream(Optimizer));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
    }

    public void RestoreRandomState()
    {
        if (RandomState is null)
            return;
        using var state = tensor(RandomState, ScalarType.Byte);
        set_rng_state(state);
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
            throw new CheckpointException($"Checkpoint {path} is truncated.");
        return reader.ReadBytes((int)length);
    }
}
