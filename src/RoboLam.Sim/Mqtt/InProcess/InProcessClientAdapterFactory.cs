using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// Makes MQTTnet clients connect to the embedded broker in memory instead of over TCP (the client options' server
/// address is ignored; log-in, will and the rest apply as they are; <see cref="EmbeddedBroker.ForInProcess"/> turns
/// keep-alive off). Only for clients in the broker's process: devices elsewhere use TCP.
/// </summary>
internal sealed class InProcessClientAdapterFactory(Func<InProcessServerAdapter?> listener) : IMqttClientAdapterFactory
{
    private int _connections;

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        // MQTTnet's packet inspection is not offered in memory (nothing in RoboLam inspects packets).
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return InProcessConnection.ForClient(Interlocked.Increment(ref _connections), formatter, Connect);
    }

    private Task Connect(InProcessConnection clientEnd, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var server = listener() ?? throw new MqttCommunicationException("the embedded broker is not running (in-process connection refused)");
        return server.AcceptAsync(clientEnd);
    }
}
