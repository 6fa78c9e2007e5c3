using System.Collections.Concurrent;
using RoboLam.Cli.Operator;
using RoboLam.Cli.Simulation;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.World;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>
/// The control loop's heartbeat, end to end: the runtime beats Safety's control-loop watchdog through its world
/// model; when the world model hangs (a perception callback that never returns) the beats stop, and the watchdog
/// stops the arm with the robot file's watchdog stop, as the simulated PCA9685 shows.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class StalledControlLoopTests
{
    [Fact]
    public async Task A_stalled_control_loop_trips_the_watchdog_and_the_arm_stops_mid_motion()
    {
        var inputs = ScenarioInputs.Load(RepositoryFiles.Scenario("stack"), out _, out var problem) ?? throw new InvalidOperationException(problem);
        using var hang = new ManualResetEventSlim();
        using var cell = LiveArmCell.Start(inputs, TextWriter.Null, new HangingSensing(new TabletopSensing(), "bin-right-part", hang));
        try
        {
            var rig = cell.Arm.Cell;
            var writes = new ConcurrentQueue<TimeSpan>();
            var stops = new ConcurrentQueue<(TimeSpan At, string Rule)>();
            rig.Rig.ServoBoard.ChannelsChanged += _ => writes.Enqueue(rig.Rig.Clock.Elapsed);
            rig.Supervisor.StopDemanded += (_, demand) => stops.Enqueue((rig.Rig.Clock.Elapsed, demand.Rule));
            await OperatorCell.Until(() => rig.ControlLoop.HasBeaten, "the control loop to beat as the controller starts");
            cell.Command(OperatorCell.StackWords, _ => { });
            await OperatorCell.Until(() => !writes.IsEmpty, "the arm to start moving");
            var moving = rig.Rig.Clock.Elapsed;
            await OperatorCell.Until(() => rig.Rig.Clock.Elapsed > moving + TimeSpan.FromMilliseconds(200), "the arm to be mid-motion");

            // A part shows up in the right bin; reading it hangs the world model, and with it the control loop.
            rig.Rig.Sensors.Drive(inputs.Robot.Inputs.Single(input => input.Name == "bin-right-part"), active: true);
            await OperatorCell.Until(() => stops.Any(stop => stop.Rule == SafetyRules.Watchdog), "the control loop's watchdog to trip", seconds: 40);

            var tripped = stops.First(stop => stop.Rule == SafetyRules.Watchdog).At;
            var status = rig.Supervisor.Status(rig.Rig.Clock.GetUtcNow());
            Assert.Equal(SafetyMode.Fault, status.Mode);
            Assert.Contains(status.Causes, cause => cause.Description.Contains(SafetySupervisor.ControlLoop, StringComparison.Ordinal));
            Assert.Contains(writes, at => at > moving && at <= tripped);
            var angles = rig.Rig.Arm.Angles;
            var until = rig.Rig.Clock.Elapsed + TimeSpan.FromSeconds(1);
            cell.Arm.ForceFast = true;
            await OperatorCell.Until(() => rig.Rig.Clock.Elapsed >= until, "a second of virtual time after the trip");
            Assert.DoesNotContain(writes, at => at > tripped + TimeSpan.FromMilliseconds(20));
            Assert.Equal(angles, rig.Rig.Arm.Angles);
        }
        finally
        {
            hang.Set();
        }
    }

    /// <summary>The simulated table's sensing, except that one input's reading never returns until released.</summary>
    private sealed class HangingSensing(IFactSensing inner, string input, ManualResetEventSlim release) : IFactSensing
    {
        public IReadOnlyList<SensedFact> Interpret(string deviceId, SensorReading reading, WorldState world)
        {
            if (reading is DigitalInputReading { Active: true } digital && digital.Sensor == input)
            {
                release.Wait();
            }

            return inner.Interpret(deviceId, reading, world);
        }

        public bool IsObservable(GroundFact fact) => inner.IsObservable(fact);
    }
}
