using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim;
using RoboLam.Sim.World;
using Xunit.Abstractions;

namespace RoboLam.Drivers.Tests;

/// <summary>
/// The arm's long tour runs to its end on the virtual clock through the real driver. How much faster than real time it
/// runs (the requirement is 50x) is measured by <c>SimulationSpeedBenchmarks</c> in RoboLam.Benchmarks, not here: a
/// test on a shared machine cannot give a speed verdict that means anything.
/// </summary>
public sealed class SimulationSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_seconds_of_driver_motion_run_to_the_last_pose_on_the_virtual_clock()
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

        var virtualBefore = rig.Clock.Elapsed;

        await RunTourAsync(rig, arm, planner, tour, speedScale: 0.2);

        var simulated = rig.Clock.Elapsed - virtualBefore;
        output.WriteLine($"{simulated.TotalSeconds:0.0} s simulated");
        Assert.True(simulated >= TimeSpan.FromSeconds(20), $"only {simulated} simulated");
        Assert.Equal(tour[^1], arm.CommandedAngles);
    }

    private static async Task RunTourAsync(SimulatedRig rig, ServoArm arm, TrajectoryPlanner planner, JointAngles[] tour, double speedScale)
    {
        var trajectory = planner.Plan([arm.CommandedAngles, .. tour], speedScale);
        var outcome = await rig.Clock.RunUntilAsync(arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory)), TimeSpan.FromMinutes(5));
        Assert.Equal(CommandStatus.Completed, outcome.Status);
    }
}
