using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Supervisor;
using UnitsNet;

namespace RoboLam.Safety.Tests;

/// <summary>A cell of line devices (conveyors, stations) with no arm: what the supervisor lets their operations do.</summary>
public sealed class LineCellTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cell_without_an_arm_passes_a_device_operation_and_refuses_arm_commands()
    {
        var supervisor = Supervisor([]);

        var operation = supervisor.Check("station-drill", Drill("d1"), s_start);
        var gripper = supervisor.Check("station-drill", new OperateGripper(new CommandId("g1"), GripperAction.Close), s_start);

        Assert.True(operation.Permits);
        Assert.False(gripper.Permits);
        Assert.Equal(SafetyRules.UnknownCommand, gripper.Rule);
        Assert.Contains("has no arm", gripper.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_motion_interlock_holds_line_device_operations_while_its_condition_holds()
    {
        var guard = new InterlockRule("line-guard", new ForbidMotion(), FactCondition.Parse("(guard-open)"), "someone is inside the line");
        var supervisor = Supervisor([guard]);

        supervisor.SetFact("(guard-open)", true, s_start);
        var whileOpen = supervisor.Check("station-drill", Drill("d1"), s_start);
        supervisor.SetFact("(guard-open)", false, s_start);
        var afterwards = supervisor.Check("station-drill", Drill("d2"), s_start);

        Assert.False(whileOpen.Permits);
        Assert.Equal(SafetyRules.Interlock("line-guard"), whileOpen.Rule);
        Assert.True(afterwards.Permits);
    }

    [Fact]
    public void A_device_operation_running_past_its_limit_plus_the_slack_faults_the_cell()
    {
        var supervisor = Supervisor([]);
        supervisor.RegisterDevice("station-drill", s_start);

        var admission = supervisor.Admit("station-drill", Drill("d1"), s_start);
        supervisor.DeviceHeartbeat(new Heartbeat("station-drill", s_start.AddSeconds(2.4), ActuatorState.Busy));
        var withinLimit = supervisor.Status(s_start.AddSeconds(2.4)).Mode;
        supervisor.DeviceHeartbeat(new Heartbeat("station-drill", s_start.AddSeconds(2.6), ActuatorState.Busy));
        var status = supervisor.Status(s_start.AddSeconds(2.6));

        Assert.True(admission.Decision.Permits);
        Assert.Equal(SafetyMode.Normal, withinLimit);
        Assert.Equal(SafetyMode.Fault, status.Mode);
        Assert.Contains(status.Causes, cause => cause.Rule == SafetyRules.MotionDeadline);
    }

    [Fact]
    public void An_interlock_that_names_a_zone_is_refused_for_a_cell_without_an_arm()
    {
        var rule = new InterlockRule("keep-out", new ForbidEnteringZone("chute"), FactCondition.Parse("(door-open)"), null);

        var exception = Assert.Throws<ArgumentException>(() => SafetyEnvelope.ForDevices("line1", Description([rule]), StopCategory.Controlled));

        Assert.Contains("has no zones", exception.Message, StringComparison.Ordinal);
    }

    private static DeviceOperation Drill(string id) => new(new CommandId(id), "drill", ["p1", "drill"], Duration.FromSeconds(2));

    private static SafetySupervisor Supervisor(IReadOnlyList<InterlockRule> interlocks) =>
        new(SafetyEnvelope.ForDevices("line1", Description(interlocks), StopCategory.Controlled));

    private static SafetyDescription Description(IReadOnlyList<InterlockRule> interlocks) =>
        new(
            Bounds: null,
            KeepOut: [],
            Zones: [],
            SafetyDescription.DefaultClearance,
            Gripper: null,
            interlocks,
            EmergencyStops: [],
            new WatchdogSettings(Duration.FromSeconds(10), Duration.FromSeconds(10), StopCategory.Controlled),
            SafetyDescription.DefaultReducedSpeedScale,
            SafetyDescription.DefaultMotionDeadlineSlack);
}
