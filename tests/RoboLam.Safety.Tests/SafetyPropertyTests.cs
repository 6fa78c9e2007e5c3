using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Tests.Support;

namespace RoboLam.Safety.Tests;

/// <summary>
/// Random command sequences with random e-stops, faults, world facts and mode changes, run through the gate
/// over a recording arm; an oracle that knows what the test did judges every single write as it happens.
/// </summary>
public sealed class SafetyPropertyTests
{
    private const int Sequences = 200;
    private const int StepsPerSequence = 12;
    private static readonly TimeSpan s_deviceTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void Random_commands_with_random_e_stops_faults_and_facts_never_produce_a_forbidden_write_or_any_write_while_stopped()
    {
        var random = new Random(20300106);
        var totals = new Totals();
        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            RunSequence(random, totals, sequence);
        }

        // The property is only worth something if the sequences exercised both sides.
        var rules = string.Join(", ", totals.RefusalsByRule.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));
        var summary = $"{totals.Writes} writes, {totals.Completed} completed, {totals.Refused} refused ({rules}), {totals.StoppedMidMotion} stopped part-way, {totals.AcceptedResets} accepted resets";
        Assert.True(totals.Writes > 10_000 && totals.Completed > 300 && totals.Refused > 300 && totals.StoppedMidMotion > 50 && totals.AcceptedResets > 250, summary);
        string[] everyKind = ["joint-limit", "joint-speed-limit", "workspace-bounds", "keep-out:camera-mast", "interlock:cell-door", "interlock:chute-conveyor", "emergency-stop", "watchdog", "device-fault", "operator-stop"];
        Assert.True(everyKind.All(totals.RefusalsByRule.ContainsKey), summary);
    }

    private static void RunSequence(Random random, Totals totals, int sequence)
    {
        using var cell = new Cell();
        using var ticker = new SupervisorTicker(cell.Supervisor, cell.Clock, TimeSpan.FromMilliseconds(10));
        var oracle = new EnvelopeOracle(cell.Robot);
        var chute = cell.Robot.Safety!.Zones.Single().Box;
        var world = new OracleState();
        JointAngles? previous = cell.Home;
        CommandId? previousId = null;
        double previousSampleTime = 0;
        var running = new List<Task<CommandOutcome>>();

        cell.Arm.OnWrite = write =>
        {
            totals.Writes++;
            var where = $"sequence {sequence}, write {write.What} of {write.Id} at {(write.At - ManualClock.Start).TotalMilliseconds} ms";
            Assert.False(world.EStopLatched, $"{where}: written while the e-stop was latched");
            Assert.False(world.Faulted, $"{where}: written while the cell was faulted");
            Assert.False(world.OperatorStopped, $"{where}: written in the stopped mode");
            Assert.False(world.SilentSince is { } since && write.At > since + s_deviceTimeout + TimeSpan.FromMilliseconds(10), $"{where}: written after the heartbeat watchdog ran out");
            if (write.Angles is null)
            {
                Assert.False(world.DoorOpen && write.What.StartsWith("gripper", StringComparison.Ordinal), $"{where}: gripper moved with the door open");
                return;
            }

            Assert.False(world.DoorOpen, $"{where}: arm moved with the door open");
            var sameCommand = previousId == write.Id;
            var verdict = oracle.Judge(sameCommand ? previous : null, write.Angles, world.ConveyorRunning ? chute : null);
            Assert.True(verdict is null, $"{where}: {verdict}");
            if (sameCommand && write.SampleSeconds > previousSampleTime)
            {
                var seconds = write.SampleSeconds - previousSampleTime;
                for (var joint = 0; joint < write.Angles.Count; joint++)
                {
                    var limit = cell.Robot.Arm.Joints[joint].MaxSpeed.DegreesPerSecond * (world.Reduced ? 0.25 : 1.0);
                    var speed = Math.Abs(write.Angles.DegreesAt(joint) - previous!.DegreesAt(joint)) / seconds;
                    Assert.True(speed <= limit * (1 + 1e-6), $"{where}: joint {joint} at {speed:0.##}°/s, limit {limit}°/s");
                }
            }

            previous = write.Angles;
            previousId = write.Id;
            previousSampleTime = write.SampleSeconds;
        };

        for (var step = 0; step < StepsPerSequence; step++)
        {
            var choice = random.Next(100);
            switch (choice)
            {
                case < 55:
                    var id = new CommandId($"s{sequence}-{step}");
                    var command = random.Next(10) < 8
                        ? RandomMove(random, cell, id)
                        : (ActuatorCommand)new OperateGripper(id, random.Next(2) == 0 ? GripperAction.Open : GripperAction.Close);
                    running.Add(cell.Gate.ExecuteAsync(command));
                    break;
                case < 63:
                    cell.Press();
                    world.EStopPressed = world.EStopLatched = true;
                    cell.Clock.Advance(random.Next(0, 300));
                    if (random.Next(10) < 9)
                    {
                        cell.Release();
                        world.EStopPressed = false;
                    }

                    cell.Clock.Advance(random.Next(0, 200));
                    TryReset(random, cell, world, totals, sequence, chance: 8);
                    break;
                case < 67:
                    cell.Supervisor.RequestEmergencyStop(EmergencyStop.StopSource.Console, "property test", cell.Now);
                    world.EStopLatched = true;
                    cell.Clock.Advance(random.Next(0, 300));
                    TryReset(random, cell, world, totals, sequence, chance: 7);
                    break;
                case < 72:
                    TryReset(random, cell, world, totals, sequence, chance: 10);
                    break;
                case < 78:
                    world.SilentSince = cell.LastBeat;
                    cell.Beating = false;
                    cell.Clock.Advance(random.Next(100, 600));
                    var silent = cell.Now - world.SilentSince.Value;
                    if (silent > s_deviceTimeout && silent <= s_deviceTimeout + TimeSpan.FromMilliseconds(20))
                    {
                        // Whether the 10 ms ticker has fired since the timeout ran out depends on the grid; make it certain.
                        cell.Clock.Advance(30);
                    }

                    world.Faulted |= cell.Now - world.SilentSince.Value > s_deviceTimeout;
                    cell.Beating = true;
                    world.SilentSince = null;
                    cell.Clock.Advance(random.Next(0, 300));
                    TryReset(random, cell, world, totals, sequence, chance: 7);
                    break;
                case < 81:
                    cell.Arm.Beat(ActuatorState.Faulted, "injected fault");
                    world.Faulted = true;
                    cell.Arm.Beat(ActuatorState.Idle);
                    TryReset(random, cell, world, totals, sequence, chance: 7);
                    break;
                case < 88:
                    world.DoorOpen = true;
                    cell.Supervisor.SetFact("(door-open)", true, cell.Now);
                    cell.Clock.Advance(random.Next(0, 800));
                    if (random.Next(10) < 8)
                    {
                        world.DoorOpen = false;
                        cell.Supervisor.SetFact("(door-open)", false, cell.Now);
                    }

                    break;
                case < 94:
                    world.ConveyorRunning = !world.ConveyorRunning;
                    cell.Supervisor.SetFact("(conveyor-running c1)", world.ConveyorRunning, cell.Now);
                    break;
                default:
                    RequestRandomMode(random, cell, world, sequence);
                    break;
            }

            cell.Clock.Advance(random.Next(0, 1500));
        }

        cell.Clock.Advance(4000);
        foreach (var task in running.Where(task => task.IsCompleted))
        {
            var outcome = task.Result;
            if (outcome.Status == CommandStatus.Refused)
            {
                totals.Refused++;
                var rule = outcome.Reason!["safety (".Length..outcome.Reason!.IndexOf(')', StringComparison.Ordinal)];
                totals.RefusalsByRule[rule] = totals.RefusalsByRule.GetValueOrDefault(rule) + 1;
            }

            totals.StoppedMidMotion += outcome.Status == CommandStatus.Stopped ? 1 : 0;
            totals.Completed += outcome.Status == CommandStatus.Completed ? 1 : 0;
        }
    }

    /// <summary>Asks for a reset <paramref name="chance"/> times in ten; a reset may never be granted while a cause is still there.</summary>
    private static void TryReset(Random random, Cell cell, OracleState world, Totals totals, int sequence, int chance)
    {
        if (random.Next(10) >= chance)
        {
            return;
        }

        var reset = cell.Supervisor.Reset(cell.Now);
        Assert.False(reset.Accepted && world.EStopPressed, $"sequence {sequence}: reset accepted with the e-stop pressed");
        Assert.False(reset.Accepted && cell.Now - cell.LastBeat > s_deviceTimeout, $"sequence {sequence}: reset accepted with a silent device");
        if (reset.Accepted)
        {
            totals.AcceptedResets++;
            world.EStopLatched = world.Faulted = false;
        }
    }

    private static void RequestRandomMode(Random random, Cell cell, OracleState world, int sequence)
    {
        var requested = (SafetyMode)random.Next(3);
        var result = cell.Supervisor.RequestMode(requested, cell.Now);
        var latched = world.EStopLatched || world.Faulted;
        switch (requested)
        {
            case SafetyMode.Stopped:
                world.OperatorStopped = true;
                break;
            case SafetyMode.ReducedSpeed:
                world.Reduced = true;
                world.OperatorStopped &= latched;
                break;
            default:
                Assert.True(result.Accepted != latched, $"sequence {sequence}: normal mode {(result.Accepted ? "granted" : "refused")} with latched={latched}");
                if (result.Accepted)
                {
                    world.Reduced = world.OperatorStopped = false;
                }

                break;
        }
    }

    /// <summary>
    /// Mostly a move near the current pose, some to a pose anywhere (often beyond a limit or the bounds), some
    /// stretched out where sweeps cross the mast; durations around what the speed limits need, some too short.
    /// </summary>
    private static FollowTrajectory RandomMove(Random random, Cell cell, CommandId id)
    {
        var joints = cell.Robot.Arm.Joints;
        var from = cell.Arm.Position!;
        var kind = random.Next(100);
        var to = kind switch
        {
            < 15 => Moves.Stretched(random.Next(-60, 61)),
            < 25 => JointAngles.FromDegrees(random.Next(-95, 96), random.Next(0, 181), random.Next(-170, 1), random.Next(-105, 86)),
            _ => new JointAngles(joints.Select((joint, index) => UnitsNet.Angle.FromDegrees(Math.Clamp(
                from.DegreesAt(index) + random.Next(-35, 36),
                joint.Minimum.Degrees + 1,
                joint.Maximum.Degrees - 1)))),
        };
        var needed = joints.Select((joint, index) => Math.Abs(to.DegreesAt(index) - from.DegreesAt(index)) / joint.MaxSpeed.DegreesPerSecond).Max();
        var seconds = Math.Max(0.1, needed * (0.8 + (random.NextDouble() * 1.5)));
        return new FollowTrajectory(id, Moves.Linear(from, to, seconds));
    }

    private sealed class OracleState
    {
        public bool EStopPressed { get; set; }

        public bool EStopLatched { get; set; }

        public bool Faulted { get; set; }

        public bool OperatorStopped { get; set; }

        public bool DoorOpen { get; set; }

        public bool ConveyorRunning { get; set; }

        public bool Reduced { get; set; }

        public DateTimeOffset? SilentSince { get; set; }
    }

    private sealed class Totals
    {
        public int Writes { get; set; }

        public int Refused { get; set; }

        public int Completed { get; set; }

        public Dictionary<string, int> RefusalsByRule { get; } = new(StringComparer.Ordinal);

        public int StoppedMidMotion { get; set; }

        public int AcceptedResets { get; set; }
    }
}
