using BenchmarkDotNet.Attributes;
using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Sim;
using RoboLam.Sim.World;

namespace RoboLam.Benchmarks;

/// <summary>
/// How much faster than real time the simulated arm runs under the real driver: one tour of the arm4 robot
/// (three far-apart poses at a fifth of full speed, about 22 s of motion on the virtual clock) through the real
/// ServoArm and PCA9685 binding on the simulated I2C bus. Real time over the mean is the speed-up (requirement: 50x).
/// </summary>
[MemoryDiagnoser]
public class SimulationSpeedBenchmarks
{
    private static readonly JointAngles[] s_tour =
    [
        JointAngles.FromDegrees(80, 30, -40, -80),
        JointAngles.FromDegrees(-80, 150, -150, 0),
        JointAngles.FromDegrees(0, 90, -90, -90),
    ];

    private RobotDescription _robot = null!;

    [GlobalSetup]
    public void Setup() => _robot = RobotFileLoader.LoadOrThrow(EStopBenchmarks.RobotFile());

    /// <returns>The simulated seconds of the tour (the speed-up is this over the mean).</returns>
    [Benchmark]
    public double Tour()
    {
        var rig = new SimulatedRig(_robot, new TabletopWorld());
        using var arm = new ServoArm(rig.CreateServoBoardDevice(), _robot, rig.Clock);
        var planner = new TrajectoryPlanner(_robot.Arm.Joints, _robot.Motion.SamplePeriod);
        var trajectory = planner.Plan([arm.CommandedAngles, .. s_tour], 0.2);
        var outcome = rig.Clock.RunUntilAsync(arm.ExecuteAsync(new FollowTrajectory(CommandId.New(), trajectory)), TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        if (outcome.Status != CommandStatus.Completed)
        {
            throw new InvalidOperationException($"the tour ended {outcome.Status}: {outcome.Reason}");
        }

        return rig.Clock.Elapsed.TotalSeconds;
    }
}
