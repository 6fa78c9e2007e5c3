using System.Diagnostics;
using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim;
using RoboLam.Sim.World;
using Xunit.Abstractions;

namespace RoboLam.Drivers.Tests;

[CollectionDefinition(nameof(SimulationSpeedTests), DisableParallelization = true)]
public sealed class SimulationSpeedCollection;

/// <summary>
/// The simulator must run at least 50 times faster than real time. Measured as the CPU time the process
/// spends, alone (no parallel tests), so a busy machine slows the wall clock but not the verdict.
/// </summary>
[Collection(nameof(SimulationSpeedTests))]
public sealed class SimulationSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_seconds_of_driver_motion_cost_less_than_a_fiftieth_of_that_in_CPU_time()
    {
        var rig = new SimulatedRig(TestRobot.Arm4, new TabletopWorld());
        using var arm = new ServoArm(rig.CreateServoBoardDevice(), TestRobot.Arm4, rig.Clock);
        var planner = new TrajectoryPlanner(TestRobot.Arm4.Arm.Joints, TestRobot.Arm4.Motion.SamplePeriod);
        JointAngles[] tour =
        [
            JointAngles.FromDegrees(80, 30, -40, -80),
            JointAngles.FromDegrees(-80, 150, -150, 0),
            JointAngles.FromDegrees(0, 90, -90, -90),
        ];

        // Warm-up: the first pass pays for JIT compilation, which is not simulation.
        await RunTourAsync(rig, arm, planner, tour, speedScale: 1.0);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var virtualBefore = rig.Clock.Elapsed;

        await RunTourAsync(rig, arm, planner, tour, speedScale: 0.2);

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var simulated = rig.Clock.Elapsed - virtualBefore;
        output.WriteLine($"{simulated.TotalSeconds:0.0} s simulated in {cpu.TotalMilliseconds:0} ms CPU ({simulated / cpu:0}x), {wall.ElapsedMilliseconds} ms wall ({simulated / wall.Elapsed:0}x)");
        Assert.True(simulated >= TimeSpan.FromSeconds(20), $"only {simulated} simulated");
        Assert.True(simulated / cpu >= 50, $"{simulated.TotalSeconds:0.0} s of motion cost {cpu.TotalMilliseconds:0} ms of CPU: {simulated / cpu:0}x, below 50x");
        Assert.Equal(tour[^1], arm.CommandedAngles);
    }

    private static async Task RunTourAsync(SimulatedRig rig, ServoArm arm, TrajectoryPlanner planner, JointAngles[] tour, double speedScale)
    {
        var trajectory = planner.Plan([arm.CommandedAngles, .. tour], speedScale);
        var outcome = await rig.Clock.RunUntilAsync(arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory)), TimeSpan.FromMinutes(5));
        Assert.Equal(CommandStatus.Completed, outcome.Status);
    }
}
