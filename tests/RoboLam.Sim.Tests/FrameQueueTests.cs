using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;
using RoboLam.Sim.Mqtt.InProcess;

namespace RoboLam.Sim.Tests;

/// <summary>
/// The in-process transport's frames: order, size, the close that ends a read, and a cancelled read that leaves the
/// connection usable (MQTTnet cancels reads when it disconnects, and a stuck or lost read would hang a client).
/// </summary>
public sealed class FrameQueueTests
{
    [Fact]
    public async Task Frames_are_read_in_the_order_written_whether_the_reader_waits_or_not()
    {
        var queue = new FrameQueue();
        var waiting = queue.ReadAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        Assert.True(queue.TryWrite([1]));
        Assert.True(queue.TryWrite([2]));
        Assert.True(queue.TryWrite([3]));

        Assert.Equal([1], await waiting);
        Assert.Equal([2], await queue.ReadAsync(CancellationToken.None));
        Assert.Equal([3], await queue.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_close_ends_a_waiting_read_and_later_reads_after_the_last_frame()
    {
        var queue = new FrameQueue();
        var waiting = queue.ReadAsync(CancellationToken.None);
        queue.Complete();
        Assert.Null(await waiting);

        var drained = new FrameQueue();
        drained.TryWrite([9]);
        drained.Complete();
        Assert.False(drained.TryWrite([10]));
        Assert.Equal([9], await drained.ReadAsync(CancellationToken.None));
        Assert.Null(await drained.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_read_throws_and_the_next_read_gets_the_next_frame()
    {
        var queue = new FrameQueue();
        using var cancel = new CancellationTokenSource();
        var waiting = queue.ReadAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);

        // A frame written after the cancel is not lost with the cancelled read.
        Assert.True(queue.TryWrite([4]));
        Assert.Equal([4], await queue.ReadAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await queue.ReadAsync(cancel.Token));
    }

    [Fact]
    public async Task A_payload_larger_than_one_length_byte_holds_crosses_the_broker_intact()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal) { ["controller"] = "pw" };
        await using var broker = await EmbeddedBroker.StartAsync(users, new TopicPermissions("controller"));
        using var sender = broker.CreateInProcessClient();
        using var receiver = broker.CreateInProcessClient();
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.ApplicationMessageReceivedAsync += args =>
        {
            received.TrySetResult(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await receiver.ConnectAsync(Options("receiver"));
        await receiver.SubscribeAsync("robolam/cell-1/big/cmd", MqttQualityOfServiceLevel.AtLeastOnce);
        await sender.ConnectAsync(Options("sender"));

        // 200 KB needs a three-byte remaining length in the fixed header.
        var payload = Enumerable.Range(0, 200_000).Select(index => (byte)(index * 7)).ToArray();
        var sent = await sender.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("robolam/cell-1/big/cmd").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        Assert.Equal(payload, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static MqttClientOptions Options(string clientId) => new MqttClientOptionsBuilder()
        .WithTcpServer("in-process", 0).WithClientId(clientId).WithCredentials("controller", "pw")
        .WithProtocolVersion(MqttProtocolVersion.V500).Build();
}
