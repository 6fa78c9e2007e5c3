using System.Collections.Concurrent;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Server;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// The embedded broker's listener for clients in its own process: a connection is a pair of in-memory byte
/// queues instead of a loopback socket, so a packet costs no system calls. MQTTnet.Server sees an ordinary channel
/// and runs the same protocol, permissions and routing over it. Lives as long as one start of the broker.
/// </summary>
internal sealed class InProcessServerAdapter : IMqttServerAdapter
{
    private readonly ConcurrentDictionary<InProcessChannel, byte> _open = new();
    private MqttServerOptions? _options;
    private IMqttNetLogger _logger = MqttNetNullLogger.Instance;
    private volatile bool _accepting;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _options = options;
        _logger = logger;
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
    public Task AcceptAsync(InProcessChannel serverEnd)
    {
        if (!_accepting || ClientHandler is not { } handler || _options is not { } options)
        {
            throw new MqttCommunicationException("the embedded broker is not running (in-process connection refused)");
        }

        _open[serverEnd] = 0;
        var adapter = new MqttChannelAdapter(serverEnd, new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax)), _logger)
        {
            AllowPacketFragmentation = options.DefaultEndpointOptions.AllowPacketFragmentation,
        };

        // The TCP listener serves each client on its own task too; the client's CONNECT arrives through the queues.
        _ = Task.Run(async () =>
        {
            try
            {
                await handler(adapter).ConfigureAwait(false);
            }
            finally
            {
                _open.TryRemove(serverEnd, out _);
                serverEnd.Close();
                adapter.Dispose();
            }
        });
        return Task.CompletedTask;
    }
}
