using System.Security.Cryptography;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// Reads an upload once, as it streams to the blob: counts it against the limit (a chunked body has
/// no Content-Length to check up front), hashes it (SHA-256) and keeps its first bytes for the type check.
/// </summary>
internal sealed class UploadStream(Stream inner, long limit) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[DocumentTypes.HeadLength];
    private int _headLength;

    public long Length64 { get; private set; }

    public bool TooLarge { get; private set; }

    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Seen(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Seen(buffer.AsSpan(offset, read));
        return read;
    }

    private void Seen(ReadOnlySpan<byte> bytes)
    {
        Length64 += bytes.Length;
        if (Length64 > limit)
        {
            TooLarge = true;
            throw new BadHttpRequestException($"The document is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        var headPart = bytes[..Math.Min(bytes.Length, _head.Length - _headLength)];
        headPart.CopyTo(_head.AsSpan(_headLength));
        _headLength += headPart.Length;
        _hash.AppendData(bytes);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Length64; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
