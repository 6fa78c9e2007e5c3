using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// One end of an in-process MQTT connection, seen by MQTTnet as its channel adapter: a packet sent is encoded with
/// MQTTnet's own formatter into a frame (the exact bytes TCP would carry) and queued for the other end, which decodes
/// it. Nothing but bytes crosses, so neither end can touch the other's packet objects. Whole frames instead of a
/// byte stream spare the per-packet chain of pending reads a stream needs (see <see cref="FrameQueue"/>). Closing
/// either end closes both directions, as a socket's close does.
/// </summary>
internal sealed class InProcessConnection : IMqttChannelAdapter
{
    private static readonly DnsEndPoint s_broker = new("in-process-broker", 0);
    private readonly FrameQueue _incoming;
    private readonly FrameQueue _outgoing;
    private readonly Func<InProcessConnection, CancellationToken, Task>? _connect;
    private readonly Lock _sending = new();
    private long _bytesSent;
    private long _bytesReceived;

    private InProcessConnection(FrameQueue incoming, FrameQueue outgoing, EndPoint local, EndPoint remote, MqttPacketFormatterAdapter formatter, Func<InProcessConnection, CancellationToken, Task>? connect)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        PacketFormatterAdapter = formatter;
        _connect = connect;
    }

    public MqttPacketFormatterAdapter PacketFormatterAdapter { get; }

    public EndPoint RemoteEndPoint { get; }

    public EndPoint LocalEndPoint { get; }

    public bool IsSecureConnection => false;

    public X509Certificate2? ClientCertificate => null;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <param name="number">Tells the clients' end points apart.</param>
    /// <param name="formatter">The client's encoder and decoder (its protocol version set).</param>
    /// <param name="connect">Called on the client's connect with the client end: hands it to the broker or throws if none listens.</param>
    public static InProcessConnection ForClient(int number, MqttPacketFormatterAdapter formatter, Func<InProcessConnection, CancellationToken, Task> connect) =>
        new(new FrameQueue(), new FrameQueue(), new DnsEndPoint("in-process-client", number % 65536), s_broker, formatter, connect);

    /// <summary>The broker's end of this client end; its formatter learns the protocol from the CONNECT, as over TCP.</summary>
    public InProcessConnection BrokerEnd(MqttBufferWriter writer) =>
        new(_outgoing, _incoming, s_broker, LocalEndPoint, new MqttPacketFormatterAdapter(writer), connect: null);

    public Task ConnectAsync(CancellationToken cancellationToken) => _connect?.Invoke(this, cancellationToken) ?? Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Close();
        return Task.CompletedTask;
    }

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packet);
        cancellationToken.ThrowIfCancellationRequested();
        bool written;
        lock (_sending)
        {
            // The formatter's buffer is reused, so the frame is a copy; the lock also keeps frames in send order.
            var encoded = PacketFormatterAdapter.Encode(packet);
            var frame = new byte[encoded.Length];
            encoded.Packet.AsSpan().CopyTo(frame);
            encoded.Payload.CopyTo(frame.AsSpan(encoded.Packet.Count));
            PacketFormatterAdapter.Cleanup();
            written = _outgoing.TryWrite(frame);
            if (written)
            {
                _bytesSent += frame.Length;
            }
        }

        return written ? Task.CompletedTask : Task.FromException(new MqttCommunicationException("the in-process connection is closed"));
    }

    public Task<MqttPacket?> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var read = _incoming.ReadAsync(cancellationToken);
        return read.IsCompletedSuccessfully ? Task.FromResult(Decode(read.Result)) : ReceiveLaterAsync(read);
    }

    public void ResetStatistics()
    {
        Interlocked.Exchange(ref _bytesSent, 0);
        Interlocked.Exchange(ref _bytesReceived, 0);
    }

    /// <summary>Closes both directions: the peer reads the end of the connection, and writes fail.</summary>
    public void Close()
    {
        _outgoing.Complete();
        _incoming.Complete();
    }

    public void Dispose() => Close();

    private async Task<MqttPacket?> ReceiveLaterAsync(ValueTask<byte[]?> read) => Decode(await read.ConfigureAwait(false));

    /// <returns>Null once the peer closed (MQTTnet's sign of a closed connection).</returns>
    private MqttPacket? Decode(byte[]? frame)
    {
        if (frame is null)
        {
            return null;
        }

        Interlocked.Add(ref _bytesReceived, frame.Length);
        var bodyStart = BodyStart(frame);
        var received = new ReceivedMqttPacket(frame[0], new ArraySegment<byte>(frame, bodyStart, frame.Length - bodyStart), frame.Length);
        if (PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.Unknown)
        {
            PacketFormatterAdapter.DetectProtocolVersion(received);
        }

        return PacketFormatterAdapter.Decode(received) ?? throw new MqttProtocolViolationException("an in-process frame did not decode to an MQTT packet");
    }

    /// <summary>Skips the fixed header: the type byte, then the remaining length in 1 to 4 bytes of 7 bits each.</summary>
    private static int BodyStart(byte[] frame)
    {
        var index = 1;
        while (index < frame.Length && (frame[index] & 0x80) != 0)
        {
            index++;
        }

        return index + 1;
    }
}
