using System.Collections.Concurrent;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Server;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// The embedded broker's listener for clients in its own process: a connection is a pair of in-memory queues of
/// encoded packets instead of a loopback socket, so a packet costs no system calls. MQTTnet.Server sees an ordinary
/// channel adapter and runs the same protocol, permissions and routing over it. Lives as long as one start of the broker.
/// </summary>
internal sealed class InProcessServerAdapter : IMqttServerAdapter
{
    private readonly ConcurrentDictionary<InProcessConnection, byte> _open = new();
    private MqttServerOptions? _options;
    private volatile bool _accepting;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _options = options;
        _accepting = true;
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _accepting = false;
        foreach (var channel in _open.Keys)
        {
            channel.Close();
        }

        _open.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    /// <summary>A client connects: the broker starts serving the server end, as its TCP listener does for an accepted socket.</summary>
    /// <exception cref="MqttCommunicationException">The broker is stopped (as a refused TCP connection would be).</exception>
    public Task AcceptAsync(InProcessConnection clientEnd)
    {
        if (!_accepting || ClientHandler is not { } handler || _options is not { } options)
        {
            throw new MqttCommunicationException("the embedded broker is not running (in-process connection refused)");
        }

        var serverEnd = clientEnd.BrokerEnd(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        _open[serverEnd] = 0;

        // The TCP listener serves each client on its own task too; the client's CONNECT arrives through the queues.
        _ = Task.Run(async () =>
        {
            try
            {
                await handler(serverEnd).ConfigureAwait(false);
            }
            finally
            {
                _open.TryRemove(serverEnd, out _);
                serverEnd.Close();
            }
        });
        return Task.CompletedTask;
    }
}
