using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Mqtt;
using RoboLam.Line.Tests.Support;
using RoboLam.Sim.Line;
using UnitsNet;

namespace RoboLam.Line.Tests;

/// <summary>The device protocol end to end, against the embedded broker and a real Mosquitto (plain and TLS).</summary>
public sealed class ProtocolTests
{
    private static readonly DeviceTopics s_drill = new(ProtocolRig.CellName, "drill-1");

    public static TheoryData<BrokerKind> Brokers() => new(BrokerKind.Embedded, BrokerKind.Mosquitto, BrokerKind.MosquittoTls);

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_command_is_acknowledged_on_its_response_topic_with_its_correlation_data_and_completes(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind);
        var spy = await rig.ConnectRawAsync(TestBroker.ControllerUser, TestBroker.ControllerPassword, s_drill.Ack, s_drill.State);
        var device = await rig.AddDrillAsync();
        var proxy = rig.Cell.Device("drill-1");
        var feedback = new List<FeedbackStatus>();
        proxy.Feedback += (_, item) => { lock (feedback) { feedback.Add(item.Status); } };

        var outcome = await proxy.ExecuteAsync(Drill("c1", "p1"));

        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.True(rig.Floor.IsDrilled("p1"));
        Assert.Equal(1, device.TimesRun("c1"));
        await Eventually.True(() => spy.Received.Any(message => message.Topic == s_drill.Ack), "the spy saw the ack");
        var ack = spy.Received.First(message => message.Topic == s_drill.Ack);
        Assert.Equal("c1", Encoding.UTF8.GetString(ack.Correlation!));
        Assert.True(DeviceMessages.Decode<AckMessage>(ack.Payload)!.Accepted);
        lock (feedback)
        {
            Assert.Equal(FeedbackStatus.Started, feedback[0]);
            Assert.Equal(FeedbackStatus.Completed, feedback[^1]);
        }

        await Eventually.True(() => spy.Messages<StateMessage>(s_drill.State).Any(state => state.Command == "c1" && state.Outcome == ProgressStatus.Completed), "the retained state names c1 as completed");
    }

    [Fact]
    public async Task An_instant_operation_ends_from_the_retained_state_without_any_progress_message()
    {
        await using var rig = await ProtocolRig.StartAsync(BrokerKind.Embedded);
        var spy = await rig.ConnectRawAsync(TestBroker.ControllerUser, TestBroker.ControllerPassword, s_drill.Ack, s_drill.Progress, s_drill.State);
        var device = await rig.AddDrillAsync(milliseconds: 0);
        var proxy = rig.Cell.Device("drill-1");

        var outcome = await proxy.ExecuteAsync(Drill("i1", "p1"));

        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.True(rig.Floor.IsDrilled("p1"));
        Assert.Equal(1, device.TimesRun("i1"));
        await Eventually.True(() => spy.Messages<StateMessage>(s_drill.State).Any(state => state.Command == "i1" && state.Outcome == ProgressStatus.Completed), "the retained state names i1 as completed");

        // The device publishes in order (ack, then state), so a progress message would have reached the spy first.
        Assert.Contains(spy.Messages<AckMessage>(s_drill.Ack), ack => ack.Id == "i1" && ack.Accepted);
        Assert.DoesNotContain(spy.Messages<ProgressMessage>(s_drill.Progress), progress => progress.Id == "i1");
    }

    [Fact]
    public async Task The_cells_proxies_beat_each_period_while_online_and_a_proxy_never_heard_from_stays_silent()
    {
        await using var rig = await ProtocolRig.StartAsync(BrokerKind.Embedded, MqttCellSettings.Default with { HeartbeatPeriod = TimeSpan.FromMilliseconds(20) });
        var ghost = rig.Cell.Device("ghost-1");
        var ghostBeats = 0;
        ghost.Heartbeat += (_, _) => Interlocked.Increment(ref ghostBeats);
        await rig.AddDrillAsync();
        var drillBeats = new ConcurrentQueue<Heartbeat>();
        rig.Cell.Device("drill-1").Heartbeat += (_, beat) => drillBeats.Enqueue(beat);

        // One timer for the cell beats for every proxy made before or after it started.
        await Eventually.True(() => drillBeats.Count >= 5, "drill-1 beats again and again");

        Assert.All(drillBeats, beat => Assert.Equal("drill-1", beat.Device));
        Assert.Equal(0, Volatile.Read(ref ghostBeats));
        Assert.Equal(DeviceAvailability.Unknown, ghost.Availability);
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_retried_command_id_is_acknowledged_as_a_duplicate_and_never_runs_twice(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind);
        var device = await rig.AddDrillAsync();
        var controller = await rig.ConnectRawAsync(TestBroker.ControllerUser, TestBroker.ControllerPassword, s_drill.Ack, s_drill.Progress);

        await controller.PublishCommandAsync(s_drill, "r1", "drill", "p2", "drill");
        await Eventually.True(() => controller.Messages<ProgressMessage>(s_drill.Progress).Any(progress => progress.Id == "r1" && progress.Status == ProgressStatus.Completed), "r1 completed");
        await controller.PublishCommandAsync(s_drill, "r1", "drill", "p2", "drill");
        await Eventually.True(() => controller.Messages<AckMessage>(s_drill.Ack).Count(ack => ack.Id == "r1") == 2, "the retry was acknowledged");

        Assert.Equal(1, device.TimesRun("r1"));
        Assert.Equal(1, device.Duplicates);
        Assert.True(controller.Messages<AckMessage>(s_drill.Ack).Last(ack => ack.Id == "r1").Duplicate);
        await Eventually.True(() => controller.Messages<ProgressMessage>(s_drill.Progress).Count(progress => progress.Id == "r1" && progress.Status == ProgressStatus.Completed) == 2, "the earlier outcome was repeated");

        // The controller's proxy also remembers: the same id again is answered without a message.
        var proxy = rig.Cell.Device("drill-1");
        var first = await proxy.ExecuteAsync(Drill("r2", "p3"));
        var again = await proxy.ExecuteAsync(Drill("r2", "p3"));
        Assert.Equal(CommandStatus.Completed, first.Status);
        Assert.True(again.WasDuplicate);
        Assert.Equal(1, device.TimesRun("r2"));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_command_that_is_not_acknowledged_in_time_fails(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind, MqttCellSettings.Default with { AckTimeout = TimeSpan.FromMilliseconds(400) });
        var ghostTopics = new DeviceTopics(ProtocolRig.CellName, "ghost");
        var proxy = rig.Cell.Device("ghost");

        // "ghost" says it is online but never listens to its commands.
        var ghost = await rig.ConnectRawAsync("ghost", TestBroker.DevicePassword);
        await ghost.PublishAsync(ghostTopics.Availability, DeviceMessages.Online, retain: true);
        await Eventually.True(() => proxy.Availability == DeviceAvailability.Online, "ghost is online");

        var outcome = await proxy.ExecuteAsync(Drill("g1", "p1"));

        Assert.Equal(CommandStatus.Failed, outcome.Status);
        Assert.Contains("did not acknowledge", outcome.Reason, StringComparison.Ordinal);
        Assert.False(rig.Floor.IsDrilled("p1"));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_device_that_drops_offline_fails_its_running_command_and_is_sent_nothing_more(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind, MqttCellSettings.Default with { AckTimeout = TimeSpan.FromSeconds(2) });
        var device = await rig.AddDrillAsync(milliseconds: 400, new DeviceFaults { OfflineAt = 1 });
        var proxy = rig.Cell.Device("drill-1");

        var running = await proxy.ExecuteAsync(Drill("o1", "p1"));
        var next = await proxy.ExecuteAsync(Drill("o2", "p2"));

        Assert.Equal(CommandStatus.Failed, running.Status);
        Assert.Contains("went offline", running.Reason, StringComparison.Ordinal);
        Assert.Equal(DeviceAvailability.Offline, proxy.Availability);
        Assert.Equal(CommandStatus.Failed, next.Status);
        Assert.Contains("was not sent", next.Reason, StringComparison.Ordinal);
        Assert.Equal(0, device.TimesRun("o2"));
        Assert.False(rig.Floor.IsDrilled("p1"));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task After_a_broker_restart_the_controller_resyncs_and_a_running_command_completes_exactly_once(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind);
        var device = await rig.AddDrillAsync(milliseconds: 1500);
        var proxy = rig.Cell.Device("drill-1");
        var unknownSeen = false;
        proxy.ReadingChanged += (_, reading) => unknownSeen |= reading is DeviceStatusReading { Availability: DeviceAvailability.Unknown };

        var command = proxy.ExecuteAsync(Drill("b1", "p1"));
        await Eventually.True(() => device.TimesRun("b1") > 0, "b1 started on the device");
        await rig.Broker.StopAsync();
        await Eventually.True(() => proxy.Availability == DeviceAvailability.Unknown, "the controller marks the device unknown");
        await rig.Broker.RestartAsync();
        var outcome = await command.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(unknownSeen);
        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.Equal(1, device.TimesRun("b1"));
        await Eventually.True(() => proxy.Availability == DeviceAvailability.Online, "the device is online again from its retained availability");
        Assert.True(rig.Cell.Reconnections >= 1);
        Assert.True(rig.Floor.IsDrilled("p1"));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_client_without_permission_cannot_command_a_device(BrokerKind kind)
    {
        await using var rig = await ProtocolRig.StartAsync(kind);
        var device = await rig.AddDrillAsync();
        var intruder = await rig.ConnectRawAsync(TestBroker.IntruderUser, TestBroker.IntruderPassword);
        var otherDevice = await rig.ConnectRawAsync("conveyor-1", TestBroker.DevicePassword);
        var wrongPassword = await rig.ConnectRawAsync(TestBroker.ControllerUser, "guessed");

        var byIntruder = await intruder.PublishCommandAsync(s_drill, "x1", "drill", "p1", "drill");
        var byOtherDevice = await otherDevice.PublishCommandAsync(s_drill, "x2", "drill", "p1", "drill");
        var forged = await otherDevice.PublishAsync(s_drill.State, "{\"status\":\"idle\"}", retain: true);

        // A legitimate command after them: once it has run, the forbidden ones would have arrived before it.
        var legitimate = await rig.Cell.Device("drill-1").ExecuteAsync(Drill("ok1", "p2"));

        Assert.Equal(MqttClientConnectResultCode.Success, intruder.ConnectResult);
        Assert.NotEqual(MqttClientConnectResultCode.Success, wrongPassword.ConnectResult);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, byIntruder.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, byOtherDevice.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(CommandStatus.Completed, legitimate.Status);
        Assert.Equal(0, device.TimesRun("x1"));
        Assert.Equal(0, device.TimesRun("x2"));
        Assert.False(rig.Floor.IsDrilled("p1"));
    }

    private static DeviceOperation Drill(string id, string part) =>
        new(new CommandId(id), "drill", [part, "drill"], Duration.FromSeconds(10));
}
