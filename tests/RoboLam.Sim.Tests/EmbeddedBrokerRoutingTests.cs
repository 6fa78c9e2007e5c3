using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Sim.Tests;

/// <summary>
/// The embedded broker's own routing (its topic index), with real MQTTnet clients over loopback: who gets a
/// publish, once, with its MQTT 5 properties; what a subscription, an unsubscription, a disconnect, a session
/// takeover and a restart change.
/// </summary>
public sealed class EmbeddedBrokerRoutingTests : IAsyncLifetime
{
    private const string Controller = "controller";
    private const string Password = "secret";
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);

    private readonly List<Client> _clients = [];
    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Controller] = Password,
            ["drill"] = Password,
            ["paint"] = Password,
        };
        _broker = await EmbeddedBroker.StartAsync(users, new TopicPermissions(Controller));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_publish_reaches_exactly_the_clients_whose_filters_match_it_once_each()
    {
        var cell = await ConnectAsync(Controller, "cell-1-controller");
        await cell.SubscribeAsync("robolam/cell-1/+/ack");
        await cell.SubscribeAsync("robolam/cell-1/#"); // overlaps: still one delivery
        var otherCell = await ConnectAsync(Controller, "cell-2-controller");
        await otherCell.SubscribeAsync("robolam/cell-2/#");
        var drill = await ConnectAsync("drill", "cell-1-drill");

        var result = await drill.PublishAsync("robolam/cell-1/drill/ack", "accepted");

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        var received = await cell.NextAsync();
        Assert.Equal("robolam/cell-1/drill/ack", received.Topic);
        Assert.Equal("accepted", received.ConvertPayloadToString());
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, received.QualityOfServiceLevel);
        await cell.NothingMoreAsync();
        await otherCell.NothingMoreAsync();
    }

    [Fact]
    public async Task Correlation_data_response_topic_and_user_properties_arrive_as_published()
    {
        var controller = await ConnectAsync(Controller, "cell-1-controller");
        var drill = await ConnectAsync("drill", "cell-1-drill");
        await drill.SubscribeAsync("robolam/cell-1/drill/cmd");

        var message = new MqttApplicationMessageBuilder()
            .WithTopic("robolam/cell-1/drill/cmd")
            .WithPayload("{\"op\":\"drill\"}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData([1, 2, 3, 4])
            .WithResponseTopic("robolam/cell-1/drill/ack")
            .WithContentType("application/json")
            .WithUserProperty("command-id", Encoding.UTF8.GetBytes("42").AsMemory())
            .Build();
        await controller.Mqtt.PublishAsync(message);

        var received = await drill.NextAsync();
        Assert.Equal([1, 2, 3, 4], received.CorrelationData);
        Assert.Equal("robolam/cell-1/drill/ack", received.ResponseTopic);
        Assert.Equal("application/json", received.ContentType);
        var property = Assert.Single(received.UserProperties);
        Assert.Equal(("command-id", "42"), (property.Name, property.ReadValueAsString()));
    }

    [Fact]
    public async Task A_no_local_subscriber_does_not_get_its_own_publish_and_others_do()
    {
        var controller = await ConnectAsync(Controller, "cell-1-controller");
        await controller.SubscribeAsync("robolam/cell-1/#", noLocal: true);
        var observer = await ConnectAsync(Controller, "cell-1-observer");
        await observer.SubscribeAsync("robolam/cell-1/#", noLocal: true);

        await controller.PublishAsync("robolam/cell-1/drill/cmd", "go");

        Assert.Equal("go", (await observer.NextAsync()).ConvertPayloadToString());
        await controller.NothingMoreAsync();
    }

    [Fact]
    public async Task A_publish_nobody_subscribed_to_is_answered_no_matching_subscribers_and_a_forbidden_one_not_authorised()
    {
        var drill = await ConnectAsync("drill", "cell-1-drill");

        Assert.Equal(MqttClientPublishReasonCode.NoMatchingSubscribers, (await drill.PublishAsync("robolam/cell-1/drill/ack", "x")).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await drill.PublishAsync("robolam/cell-1/paint/ack", "x")).ReasonCode);
        Assert.Equal(1, _broker.RefusedPublishes);
    }

    [Fact]
    public async Task A_refused_subscription_is_not_routed_to()
    {
        var drill = await ConnectAsync("drill", "cell-1-drill");
        var refused = await drill.Mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("robolam/cell-1/paint/cmd", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var controller = await ConnectAsync(Controller, "cell-1-controller");

        await controller.PublishAsync("robolam/cell-1/paint/cmd", "go");

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(refused.Items).ResultCode);
        Assert.Equal(0, _broker.IndexedSubscriptions);
        await drill.NothingMoreAsync();
    }

    [Fact]
    public async Task A_retained_message_is_delivered_live_without_the_flag_and_on_a_later_subscription_with_it()
    {
        var early = await ConnectAsync(Controller, "cell-1-early");
        await early.SubscribeAsync("robolam/cell-1/+/state");
        var drill = await ConnectAsync("drill", "cell-1-drill");

        await drill.PublishAsync("robolam/cell-1/drill/state", "idle", retain: true);
        var live = await early.NextAsync();
        var late = await ConnectAsync(Controller, "cell-1-late");
        await late.SubscribeAsync("robolam/cell-1/+/state");
        var stored = await late.NextAsync();

        Assert.False(live.Retain);
        Assert.Equal(("idle", true), (stored.ConvertPayloadToString(), stored.Retain));

        // An empty retained payload clears it, as MQTT defines.
        await drill.PublishAsync("robolam/cell-1/drill/state", string.Empty, retain: true);
        var later = await ConnectAsync(Controller, "cell-1-later");
        await later.SubscribeAsync("robolam/cell-1/+/state");
        await later.NothingMoreAsync();
    }

    [Fact]
    public async Task Unsubscribing_stops_delivery_and_leaves_the_other_filters()
    {
        var controller = await ConnectAsync(Controller, "cell-1-controller");
        await controller.SubscribeAsync("robolam/cell-1/+/ack");
        await controller.SubscribeAsync("robolam/cell-1/+/state");
        var drill = await ConnectAsync("drill", "cell-1-drill");

        await controller.Mqtt.UnsubscribeAsync("robolam/cell-1/+/ack");
        await drill.PublishAsync("robolam/cell-1/drill/ack", "accepted");
        await drill.PublishAsync("robolam/cell-1/drill/state", "idle");

        Assert.Equal("robolam/cell-1/drill/state", (await controller.NextAsync()).Topic);
        await controller.NothingMoreAsync();
        Assert.Equal(1, _broker.IndexedSubscriptions);
    }

    [Fact]
    public async Task A_client_that_disconnects_leaves_no_subscription_behind_and_its_will_is_routed()
    {
        var controller = await ConnectAsync(Controller, "cell-1-controller");
        await controller.SubscribeAsync("robolam/cell-1/+/availability");
        var drill = await ConnectAsync("drill", "cell-1-drill", will: "robolam/cell-1/drill/availability");
        await drill.SubscribeAsync("robolam/cell-1/drill/cmd");
        Assert.Equal(2, _broker.IndexedSubscriptions);

        drill.Vanish();

        var will = await controller.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("robolam/cell-1/drill/availability", "offline"), (will.Topic, will.ConvertPayloadToString()));
        await Eventually(() => _broker.IndexedSubscriptions == 1);
        Assert.Equal(MqttClientPublishReasonCode.NoMatchingSubscribers, (await controller.PublishAsync("robolam/cell-1/drill/cmd", "go")).ReasonCode);
    }

    [Fact]
    public async Task A_new_session_under_the_same_client_id_does_not_inherit_the_old_ones_subscriptions()
    {
        var first = await ConnectAsync(Controller, "cell-1-controller");
        await first.SubscribeAsync("robolam/cell-1/+/ack");
        var second = await ConnectAsync(Controller, "cell-1-controller"); // clean start: takes the session over
        await second.SubscribeAsync("robolam/cell-1/+/state");
        var drill = await ConnectAsync("drill", "cell-1-drill");

        await drill.PublishAsync("robolam/cell-1/drill/ack", "accepted");
        await drill.PublishAsync("robolam/cell-1/drill/state", "idle");

        Assert.Equal("robolam/cell-1/drill/state", (await second.NextAsync()).Topic);
        await second.NothingMoreAsync();
        await first.NothingMoreAsync();
        Assert.Equal(1, _broker.IndexedSubscriptions);
    }

    [Fact]
    public async Task After_a_restart_nothing_is_routed_until_clients_subscribe_again()
    {
        var controller = await ConnectAsync(Controller, "cell-1-controller");
        await controller.SubscribeAsync("robolam/cell-1/#");

        await _broker.StopAsync();
        Assert.Equal(0, _broker.IndexedSubscriptions);
        await _broker.RestartAsync();
        var again = await ConnectAsync(Controller, "cell-1-controller-again");
        var drill = await ConnectAsync("drill", "cell-1-drill");
        Assert.Equal(MqttClientPublishReasonCode.NoMatchingSubscribers, (await drill.PublishAsync("robolam/cell-1/drill/ack", "x")).ReasonCode);
        await again.SubscribeAsync("robolam/cell-1/#");
        await drill.PublishAsync("robolam/cell-1/drill/ack", "accepted");

        Assert.Equal("accepted", (await again.NextAsync()).ConvertPayloadToString());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(20);
        }
    }

    private async Task<Client> ConnectAsync(string user, string clientId, string? will = null)
    {
        var client = await Client.ConnectAsync(_broker.Port, user, clientId, will);
        _clients.Add(client);
        return client;
    }

    /// <summary>A real MQTT 5 client that queues what it receives.</summary>
    private sealed class Client : IAsyncDisposable
    {
        private readonly Channel<MqttApplicationMessage> _received = Channel.CreateUnbounded<MqttApplicationMessage>();
        private bool _vanished;

        private Client(IMqttClient mqtt)
        {
            Mqtt = mqtt;
            mqtt.ApplicationMessageReceivedAsync += args =>
            {
                _received.Writer.TryWrite(args.ApplicationMessage);
                return Task.CompletedTask;
            };
        }

        public IMqttClient Mqtt { get; }

        public static async Task<Client> ConnectAsync(int port, string user, string clientId, string? will)
        {
            var builder = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(clientId)
                .WithCredentials(user, Password)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(true);
            if (will is not null)
            {
                builder = builder.WithWillTopic(will).WithWillPayload(Encoding.UTF8.GetBytes("offline")).WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
            }

            var client = new Client(new MqttClientFactory().CreateMqttClient());
            await client.Mqtt.ConnectAsync(builder.Build());
            return client;
        }

        public async Task SubscribeAsync(string filter, bool noLocal = false)
        {
            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(new MqttTopicFilterBuilder().WithTopic(filter).WithAtLeastOnceQoS().WithNoLocal(noLocal).Build())
                .Build();
            var result = await Mqtt.SubscribeAsync(options);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(result.Items).ResultCode);
        }

        public Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain = false) =>
            Mqtt.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(retain)
                .Build());

        public async Task<MqttApplicationMessage> NextAsync(TimeSpan? timeout = null)
        {
            using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            return await _received.Reader.ReadAsync(cancel.Token);
        }

        /// <summary>Nothing else arrives within a short while (a message routed wrongly would come at once on loopback).</summary>
        public async Task NothingMoreAsync()
        {
            await Task.Delay(s_quiet);
            Assert.False(_received.Reader.TryRead(out var extra), $"unexpected message on {extra?.Topic}");
        }

        /// <summary>Closes the connection without a DISCONNECT, as a device that vanished would: the broker sends its will.</summary>
        public void Vanish()
        {
            _vanished = true;
            Mqtt.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            if (_vanished)
            {
                return;
            }

            if (Mqtt.IsConnected)
            {
                try
                {
                    await Mqtt.DisconnectAsync();
                }
                catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
                {
                    // The broker already went away (restart test).
                }
            }

            Mqtt.Dispose();
        }
    }
}
