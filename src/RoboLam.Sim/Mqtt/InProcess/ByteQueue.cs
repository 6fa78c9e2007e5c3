using System.Buffers;
using System.Threading.Channels;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// One direction of an in-process connection: written chunks are copied (the writer's buffers are reused) and read
/// in order, in pieces of any size, like a socket's byte stream. Completing it is the peer's close: reads then
/// return 0 once the written bytes are drained. The reader's continuation runs on the thread pool, never on the
/// writer's thread, as with a socket.
/// </summary>
internal sealed class ByteQueue
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private byte[] _current = [];
    private int _offset;

    /// <returns>False once the queue is completed (the connection is closed).</returns>
    public bool TryWrite(ReadOnlySequence<byte> data) => data.IsEmpty || _chunks.Writer.TryWrite(data.ToArray());

    public void Complete() => _chunks.Writer.TryComplete();

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (_offset == _current.Length)
        {
            if (_chunks.Reader.TryRead(out var next))
            {
                (_current, _offset) = (next, 0);
                break;
            }

            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        var taken = Math.Min(count, _current.Length - _offset);
        Buffer.BlockCopy(_current, _offset, buffer, offset, taken);
        _offset += taken;
        return taken;
    }
}
