namespace HybridQsharp.Host.Figures;

/// <summary>
/// A write-only stream that remembers the first I/O error of the stream it wraps, so a caller can report it even when a writer above hides it.
/// </summary>
internal sealed class FailureRecordingStream(Stream inner) : Stream
{
    public IOException? Failure { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Record(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            Failure ??= e;
            throw;
        }
    }

    public override void Flush() => Record(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Record(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    private void Record(Action action)
    {
        try
        {
            action();
        }
        catch (IOException e)
        {
            Failure ??= e;
            throw;
        }
    }
}
