using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;
using MQTTnet.Exceptions;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// One end of an in-process MQTT connection (two <see cref="ByteQueue"/>s, one per direction): what this end writes
/// the other reads. Closing either end closes both directions, as a socket's close does.
/// </summary>
internal sealed class InProcessChannel : IMqttChannel
{
    private readonly ByteQueue _incoming;
    private readonly ByteQueue _outgoing;
    private readonly Func<InProcessChannel, CancellationToken, Task>? _connect;

    private InProcessChannel(ByteQueue incoming, ByteQueue outgoing, EndPoint local, EndPoint remote, Func<InProcessChannel, CancellationToken, Task>? connect)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        _connect = connect;
    }

    public X509Certificate2? ClientCertificate => null;

    public EndPoint RemoteEndPoint { get; }

    public EndPoint LocalEndPoint { get; }

    public bool IsSecureConnection => false;

    /// <summary>The server's end of this (client) channel, handed to the broker when the client connects.</summary>
    public InProcessChannel? Peer { get; private set; }

    /// <param name="connect">Called on the client's connect with the client end: hands <see cref="Peer"/> to the broker or throws if none listens.</param>
    public static InProcessChannel ForClient(int number, Func<InProcessChannel, CancellationToken, Task> connect)
    {
        var toServer = new ByteQueue();
        var toClient = new ByteQueue();
        var client = new DnsEndPoint("in-process-client", number % 65536);
        var server = new DnsEndPoint("in-process-broker", 0);
        var clientEnd = new InProcessChannel(toClient, toServer, client, server, connect);
        clientEnd.Peer = new InProcessChannel(toServer, toClient, server, client, connect: null) { Peer = clientEnd };
        return clientEnd;
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => _connect?.Invoke(this, cancellationToken) ?? Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Close();
        return Task.CompletedTask;
    }

    public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _incoming.ReadAsync(buffer, offset, count, cancellationToken);

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _outgoing.TryWrite(buffer)
            ? Task.CompletedTask
            : Task.FromException(new MqttCommunicationException("the in-process connection to the broker is closed"));
    }

    /// <summary>Closes both directions: the peer reads the end of the stream, and writes fail.</summary>
    public void Close()
    {
        _outgoing.Complete();
        _incoming.Complete();
    }

    public void Dispose() => Close();
}
