using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The operator's side (<c>robolam say</c>): connects as the operator, listens on a response topic of its own under the
/// cell's replies, publishes one request with that response topic and fresh correlation data, and hands back each
/// answer that carries the same correlation until the final one.
/// </summary>
internal sealed class OperatorClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<OperatorReply> _answers = Channel.CreateUnbounded<OperatorReply>();
    private readonly string _responseTopic;
    private byte[] _correlation = [];

    private OperatorClient(IMqttClient client, OperatorTopics topics, string clientId)
    {
        _client = client;
        Topics = topics;
        _responseTopic = $"{topics.Replies}/{clientId}";
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            if (message.Topic == _responseTopic && message.CorrelationData is { } correlation && correlation.AsSpan().SequenceEqual(Volatile.Read(ref _correlation))
                && OperatorReply.Decode(System.Buffers.BuffersExtensions.ToArray(message.Payload)) is { } reply)
            {
                _answers.Writer.TryWrite(reply);
            }

            return Task.CompletedTask;
        };
    }

    public OperatorTopics Topics { get; }

    /// <exception cref="MqttCellException">The broker cannot be reached, refuses the log-in or the subscription.</exception>
    public static async Task<OperatorClient> ConnectAsync(BrokerAddress address, OperatorTopics topics, CancellationToken cancellationToken)
    {
        var clientId = $"robolam-say-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        var client = new MqttClientFactory().CreateMqttClient();
        var operatorClient = new OperatorClient(client, topics, clientId);
        try
        {
            MqttClientConnectResult result;
            try
            {
                result = await client.ConnectAsync(MqttClientOptionsFactory.ForController(address, clientId), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new MqttCellException($"cannot reach the MQTT broker at {address}: {exception.Message}; is robolam serve running, and is --broker right?", exception);
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new MqttCellException($"the MQTT broker at {address} refused the operator's log-in: {result.ResultCode}; give --broker mqtt://operator:PASSWORD@host:port (robolam serve prints it)");
            }

            var subscribed = await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(operatorClient._responseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellationToken).ConfigureAwait(false);
            if (subscribed.Items.Any(item => (int)item.ResultCode > 2))
            {
                throw new MqttCellException($"the MQTT broker at {address} refused the subscription to {operatorClient._responseTopic}; the operator needs read access to {topics.Replies}/#");
            }

            return operatorClient;
        }
        catch
        {
            await operatorClient.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> and yields its answers up to and including the final one.</summary>
    /// <exception cref="TimeoutException">No final answer within <paramref name="timeout"/>.</exception>
    public async IAsyncEnumerable<OperatorReply> RequestAsync(string topic, string payload, TimeSpan timeout, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _correlation, RandomNumberGenerator.GetBytes(16));
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithResponseTopic(_responseTopic)
            .WithCorrelationData(_correlation)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var published = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!published.IsSuccess)
        {
            throw new MqttCellException($"the broker did not take the message on {topic}: {published.ReasonCode} {published.ReasonString}; the operator may publish only on {Topics.Command}, {Topics.EmergencyStop} and {Topics.Reset}");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            OperatorReply reply;
            try
            {
                reply = await _answers.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no final answer within {timeout.TotalSeconds:0} s");
            }

            yield return reply;
            if (reply.Final)
            {
                yield break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _client.Dispose();
    }
}
