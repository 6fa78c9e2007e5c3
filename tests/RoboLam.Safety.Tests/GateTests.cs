using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>The gate in the driver path: what reaches the inner actuator and what does not.</summary>
public sealed class GateTests
{
    [Fact]
    public async Task A_refused_command_never_reaches_the_inner_actuator_and_the_refusal_names_the_rule()
    {
        using var cell = new Cell();

        var outcome = await cell.Gate.ExecuteAsync(cell.Move(cell.Home, JointAngles.FromDegrees(0, 180, -90, -90), 2.0));

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.StartsWith("safety (joint-limit):", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(cell.Arm.Received);
    }

    [Fact]
    public async Task A_permitted_command_reaches_the_inner_actuator_unchanged_and_completes()
    {
        using var cell = new Cell();
        var move = cell.Move(cell.Home, Moves.Folded(20), 1.0);

        var running = cell.Gate.ExecuteAsync(move);
        cell.Clock.Advance(1100);

        Assert.Equal(CommandStatus.Completed, (await running).Status);
        Assert.Same(move, Assert.Single(cell.Arm.Received));
        Assert.Equal(51, cell.Arm.Writes.Count);
    }

    [Fact]
    public async Task Stops_always_pass_through_the_gate_even_when_everything_is_refused()
    {
        using var cell = new Cell();
        cell.Press();

        await cell.Gate.StopAsync(new StopRequest(StopCategory.Uncontrolled, "operator"));

        Assert.Contains(cell.Arm.Stops, stop => stop.Reason == "operator");
    }

    [Fact]
    public async Task A_stop_that_arrives_while_a_command_is_being_dispatched_stops_it_right_after_it_starts()
    {
        using var cell = new Cell();
        cell.Arm.DuringExecute = _ => cell.Press();

        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(20), 1.0));
        cell.Clock.Advance(1100);

        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.Equal(2, cell.Arm.Stops.Count);
        Assert.Single(cell.Arm.Writes);
    }

    [Fact]
    public async Task A_second_command_while_one_runs_is_refused_by_the_gate()
    {
        using var cell = new Cell();
        var first = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(20), 1.0, "first"));

        var second = await cell.Gate.ExecuteAsync(new OperateGripper(new CommandId("second"), GripperAction.Open));
        cell.Clock.Advance(1100);

        Assert.Equal(CommandStatus.Refused, second.Status);
        Assert.Contains("still running command first", second.Reason, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.Completed, (await first).Status);
    }

    [Fact]
    public void A_driver_that_reports_writing_outside_the_envelope_faults_the_cell_with_a_category_0_stop()
    {
        using var cell = new Cell();

        cell.Arm.ReportRogueWrite(Moves.Stretched(0));

        Assert.Equal(SafetyMode.Fault, cell.Supervisor.Mode);
        var stop = Assert.Single(cell.Arm.Stops);
        Assert.Equal(StopCategory.Uncontrolled, stop.Category);
        Assert.Contains(SafetyRules.EnvelopeBreach, stop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void E_stop_inputs_reach_the_supervisor_through_a_connected_sensor_at_once_and_on_every_edge()
    {
        using var cell = new Cell(reportChannels: false);
        var inputs = new FakeInputs(cell.Clock);

        using var connection = SafetyInputs.Connect(cell.Supervisor, inputs);
        var readyAfterConnect = cell.Supervisor.Mode;
        inputs.Set("e-stop", true);

        Assert.Equal(SafetyMode.Normal, readyAfterConnect);
        Assert.Equal(SafetyMode.Stopped, cell.Supervisor.Mode);
        Assert.Single(cell.Arm.Stops);
    }

    private sealed class FakeInputs(ManualClock clock) : ISensor
    {
        private readonly Dictionary<string, bool> _active = new() { ["e-stop"] = false, ["object-held"] = false };

        public string Name => "inputs";

        public event EventHandler<SensorReading>? ReadingChanged;

        public IReadOnlyList<SensorReading> ReadAll() => _active.Select(pair => (SensorReading)Reading(pair.Key, pair.Value)).ToArray();

        public void Set(string input, bool active)
        {
            _active[input] = active;
            ReadingChanged?.Invoke(this, Reading(input, active));
        }

        public void Dispose()
        {
        }

        private DigitalInputReading Reading(string input, bool active) =>
            new(input, clock.Now, input == "e-stop" ? InputRole.EmergencyStop : InputRole.ObjectHeld, active);
    }
}
