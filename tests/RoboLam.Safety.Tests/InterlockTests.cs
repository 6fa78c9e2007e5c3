using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Interlocks;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>Interlock rules from the robot file, on live world facts, at dispatch and while a command runs.</summary>
public sealed class InterlockTests
{
    private static readonly JointAngles s_aboveChute = new ArmKinematics(TestRobots.Arm4.Arm).Inverse(Point3.FromMeters(0.50, 0.45, 0.15));

    [Fact]
    public async Task No_motion_is_dispatched_while_the_cell_door_is_open()
    {
        using var cell = new Cell();
        cell.Supervisor.SetFact("(door-open)", true, cell.Now);

        var move = await cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(10), 1.0));
        var grip = await cell.Gate.ExecuteAsync(new OperateGripper(new CommandId("open"), GripperAction.Open));

        Assert.Equal(CommandStatus.Refused, move.Status);
        Assert.Contains("interlock \"cell-door\" forbids motion while (door-open) (a person may be reaching into the cell)", move.Reason, StringComparison.Ordinal);
        Assert.Contains("interlock:cell-door", grip.Reason, StringComparison.Ordinal);
        Assert.Empty(cell.Arm.Received);
    }

    [Fact]
    public async Task Opening_the_door_during_motion_stops_the_running_trajectory_and_no_sample_follows()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(40), 1.0));
        cell.Clock.Advance(300);
        var writes = cell.Arm.Writes.Count;

        cell.Supervisor.SetFact("(door-open)", true, cell.Now);
        cell.Clock.Advance(1000);

        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.Equal(writes, cell.Arm.Writes.Count);
        Assert.Contains("interlock:cell-door", Assert.Single(cell.Arm.Stops).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_the_door_again_allows_new_motion_without_a_reset_but_restarts_nothing()
    {
        using var cell = new Cell();
        cell.Supervisor.SetFact("(door-open)", true, cell.Now);
        cell.Supervisor.SetFact("(door-open)", false, cell.Now);

        var decision = cell.Supervisor.Check(cell.Robot.Name, cell.Move(cell.Home, Moves.Folded(10), 1.0), cell.Now);

        Assert.True(decision.Permits, decision.ToString());
        Assert.Empty(cell.Arm.Received);
    }

    [Fact]
    public void The_arm_may_not_enter_the_chute_while_the_conveyor_runs_but_may_when_it_is_stopped()
    {
        using var cell = new Cell();
        var intoChute = cell.Move(cell.Home, s_aboveChute, 2.0);

        var idle = cell.Supervisor.Check(cell.Robot.Name, intoChute, cell.Now);
        cell.Supervisor.UpdateFacts(WorldFacts.Of("(conveyor-running c1)"), cell.Now);
        var running = cell.Supervisor.Check(cell.Robot.Name, intoChute, cell.Now);
        var elsewhere = cell.Supervisor.Check(cell.Robot.Name, cell.Move(cell.Home, Moves.Folded(30), 1.0), cell.Now);

        Assert.True(idle.Permits, idle.ToString());
        Assert.Equal("interlock:chute-conveyor", running.Rule);
        Assert.Contains("forbids entering zone \"chute\" while (conveyor-running c1)", running.Reason, StringComparison.Ordinal);
        Assert.True(elsewhere.Permits, elsewhere.ToString());
    }

    [Fact]
    public async Task Starting_the_conveyor_while_the_arm_heads_into_the_chute_stops_it_before_it_gets_there()
    {
        using var cell = new Cell();
        var geometry = new ArmGeometry(cell.Robot.Arm);
        var chute = cell.Robot.Safety!.Zones.Single().Box;
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, s_aboveChute, 2.0));
        cell.Clock.Advance(400);

        cell.Supervisor.SetFact("(conveyor-running c1)", true, cell.Now);
        cell.Clock.Advance(2000);

        Assert.Equal(CommandStatus.Stopped, (await running).Status);
        Assert.All(cell.Arm.Writes, write => Assert.False(chute.Contains(ToPoint(geometry.Pose(write.Angles!).Tip)), $"write at {write.At:ss.fff} is in the chute"));
    }

    [Fact]
    public async Task Starting_the_conveyor_does_not_stop_a_motion_whose_remaining_path_avoids_the_chute()
    {
        using var cell = new Cell();
        var running = cell.Gate.ExecuteAsync(cell.Move(cell.Home, Moves.Folded(30), 1.0));
        cell.Clock.Advance(300);

        cell.Supervisor.SetFact("(conveyor-running c1)", true, cell.Now);
        cell.Clock.Advance(1000);

        Assert.Equal(CommandStatus.Completed, (await running).Status);
        Assert.Empty(cell.Arm.Stops);
    }

    [Fact]
    public async Task An_output_a_rule_forbids_is_refused_and_one_already_on_is_stopped_when_the_rule_starts_to_hold()
    {
        var rule = new InterlockRule("lamp-guard", new ForbidOutput("status-lamp"), FactCondition.Parse("(and (door-open) (not (maintenance)))"), null);
        var robot = TestRobots.Arm4 with { Safety = TestRobots.Arm4.Safety! with { Interlocks = [rule] } };
        using var cell = new Cell(robot);
        var on = new SetDigitalOutput(new CommandId("on"), "status-lamp", true);

        Assert.Equal(CommandStatus.Completed, (await cell.Gate.ExecuteAsync(on)).Status);
        cell.Supervisor.SetFact("(door-open)", true, cell.Now);
        var refused = await cell.Gate.ExecuteAsync(on with { Id = new CommandId("on-again") });
        var off = await cell.Gate.ExecuteAsync(new SetDigitalOutput(new CommandId("off"), "status-lamp", false));

        Assert.Contains("interlock:lamp-guard", Assert.Single(cell.Arm.Stops).Reason, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.Refused, refused.Status);
        Assert.Equal(CommandStatus.Completed, off.Status);
    }

    [Fact]
    public void An_action_level_review_says_whether_motion_may_happen_at_all_and_which_rule_forbids_it()
    {
        using var cell = new Cell();

        var closed = cell.Supervisor.WhyNoMotion(cell.Now);
        cell.Supervisor.SetFact("(door-open)", true, cell.Now);
        var open = cell.Supervisor.WhyNoMotion(cell.Now);
        cell.Supervisor.SetFact("(door-open)", false, cell.Now);
        cell.Press();
        var pressed = cell.Supervisor.WhyNoMotion(cell.Now);

        Assert.Null(closed);
        Assert.Equal("interlock:cell-door", open!.Rule);
        Assert.Equal(SafetyRules.EmergencyStop, pressed!.Rule);
    }

    [Theory]
    [InlineData("(door-open)", "(door-open)", true)]
    [InlineData("(not (door-open))", "(door-open)", false)]
    [InlineData("(and (door-open) (conveyor-running c1))", "(door-open)", false)]
    [InlineData("(or (door-open) (conveyor-running c1))", "(Conveyor-Running C1)", true)]
    [InlineData("(and (conveyor-running c1) (not (maintenance)))", "(conveyor-running c1)", true)]
    public void Conditions_evaluate_on_the_facts_as_written(string condition, string fact, bool expected)
    {
        Assert.Equal(expected, ConditionEvaluation.Holds(FactCondition.Parse(condition), WorldFacts.Of(fact)));
    }

    private static Point3 ToPoint(Position position) => Point3.FromMeters(position.X, position.Y, position.Z);
}
