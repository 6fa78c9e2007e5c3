using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Sim.Tests;

/// <summary>
/// Clients in the broker's process connecting in memory (<see cref="EmbeddedBroker.CreateInProcessClient"/>): the
/// same log-in, permissions, routing, PUBACKs and will as over TCP, and TCP clients on the same broker beside them.
/// </summary>
public sealed class InProcessTransportTests : IAsyncLifetime
{
    private const string Password = "secret";
    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal) { ["controller"] = Password, ["drill"] = Password };
        _broker = await EmbeddedBroker.StartAsync(users, new TopicPermissions("controller"));
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_in_process_device_and_a_tcp_controller_exchange_a_command_and_its_ack()
    {
        using var drill = _broker.CreateInProcessClient();
        var drillInbox = Inbox(drill);
        await drill.ConnectAsync(Options("drill", "cell-1-drill"));
        await drill.SubscribeAsync("robolam/cell-1/drill/cmd", MqttQualityOfServiceLevel.AtLeastOnce);
        using var controller = new MqttClientFactory().CreateMqttClient();
        var controllerInbox = Inbox(controller);
        await controller.ConnectAsync(Options("controller", "cell-1-controller", port: _broker.Port));
        await controller.SubscribeAsync("robolam/cell-1/+/ack", MqttQualityOfServiceLevel.AtLeastOnce);

        var sent = await controller.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("robolam/cell-1/drill/cmd").WithPayload("go").WithCorrelationData([7, 7])
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var command = await NextAsync(drillInbox);
        var answered = await drill.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("robolam/cell-1/drill/ack").WithPayload("accepted").WithCorrelationData(command.CorrelationData)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var ack = await NextAsync(controllerInbox);

        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, answered.ReasonCode);
        Assert.Equal("go", command.ConvertPayloadToString());
        Assert.Equal([7, 7], command.CorrelationData);
        Assert.Equal("accepted", ack.ConvertPayloadToString());
        Assert.Equal([7, 7], ack.CorrelationData);
    }

    [Fact]
    public async Task An_in_process_client_is_held_to_the_same_log_in_and_permissions()
    {
        using var impostor = _broker.CreateInProcessClient();
        var refused = await impostor.ConnectAsync(Options("drill", "cell-1-drill", password: "wrong"));
        using var drill = _broker.CreateInProcessClient();
        await drill.ConnectAsync(Options("drill", "cell-1-drill"));

        var forbidden = await drill.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("robolam/cell-1/paint/ack").WithPayload("x").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forbidden.ReasonCode);
    }

    [Fact]
    public async Task An_in_process_client_that_vanishes_has_its_will_published()
    {
        using var controller = _broker.CreateInProcessClient();
        var inbox = Inbox(controller);
        await controller.ConnectAsync(Options("controller", "cell-1-controller"));
        await controller.SubscribeAsync("robolam/cell-1/+/availability", MqttQualityOfServiceLevel.AtLeastOnce);
        var drill = _broker.CreateInProcessClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("ignored", 1).WithClientId("cell-1-drill").WithCredentials("drill", Password).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithWillTopic("robolam/cell-1/drill/availability").WithWillPayload("offline"u8.ToArray()).WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await drill.ConnectAsync(options);

        drill.Dispose(); // no DISCONNECT

        var will = await NextAsync(inbox);
        Assert.Equal(("robolam/cell-1/drill/availability", "offline"), (will.Topic, will.ConvertPayloadToString()));
    }

    [Fact]
    public async Task A_stopped_broker_drops_in_process_clients_refuses_new_ones_and_takes_them_again_after_a_restart()
    {
        using var drill = _broker.CreateInProcessClient();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        drill.DisconnectedAsync += _ =>
        {
            disconnected.TrySetResult();
            return Task.CompletedTask;
        };
        await drill.ConnectAsync(Options("drill", "cell-1-drill"));

        await _broker.StopAsync();
        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var early = _broker.CreateInProcessClient();
        await Assert.ThrowsAnyAsync<MqttCommunicationException>(() => early.ConnectAsync(Options("drill", "cell-1-drill")));
        await _broker.RestartAsync();
        var again = await drill.ConnectAsync(Options("drill", "cell-1-drill"));

        Assert.Equal(MqttClientConnectResultCode.Success, again.ResultCode);
        Assert.True(drill.IsConnected);
    }

    /// <param name="port">The broker's TCP port for a TCP client; an in-process client ignores the address.</param>
    private static MqttClientOptions Options(string user, string clientId, string password = Password, int port = 1) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();

    private static Channel<MqttApplicationMessage> Inbox(IMqttClient client)
    {
        var inbox = Channel.CreateUnbounded<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += args =>
        {
            inbox.Writer.TryWrite(args.ApplicationMessage);
            return Task.CompletedTask;
        };
        return inbox;
    }

    private static async Task<MqttApplicationMessage> NextAsync(Channel<MqttApplicationMessage> inbox)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await inbox.Reader.ReadAsync(cancel.Token);
    }
}
