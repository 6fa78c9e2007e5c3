using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Hardware.Tests;

public sealed class TrajectoryTests
{
    private readonly TrajectoryPlanner _planner = new(RobotFiles.Arm4.Arm.Joints, Duration.FromMilliseconds(20));

    [Fact]
    public void A_point_to_point_move_lasts_as_long_as_its_slowest_joint_needs_and_respects_every_limit()
    {
        var from = JointAngles.FromDegrees(0, 90, -90, -90);
        var to = JointAngles.FromDegrees(45, 30, -60, -60);

        var trajectory = _planner.Plan(from, to);

        // Shoulder moves 60° at 60°/s: one second.
        Assert.Equal(1.0, trajectory.Duration.Seconds, 6);
        Assert.Equal(51, trajectory.Samples.Count);
        Assert.Equal(to, trajectory.End);
        var peaks = trajectory.PeakSpeedsDegreesPerSecond();
        var limits = RobotFiles.Arm4.Arm.Joints.Select(joint => joint.MaxSpeed.DegreesPerSecond).ToArray();
        for (var joint = 0; joint < 4; joint++)
        {
            Assert.True(peaks[joint] <= limits[joint] + 1e-9, $"joint {joint}: {peaks[joint]} > {limits[joint]}");
        }
    }

    [Fact]
    public void Reduced_speed_stretches_the_same_path_in_time()
    {
        var from = JointAngles.FromDegrees(0, 90, -90, -90);
        var to = JointAngles.FromDegrees(0, 60, -90, -60);

        var slow = _planner.Plan(from, to, speedScale: 0.25);

        Assert.Equal(2.0, slow.Duration.Seconds, 6);
        Assert.True(slow.PeakSpeedsDegreesPerSecond()[1] <= 15 + 1e-9);
    }

    [Fact]
    public void Through_waypoints_no_sample_interval_exceeds_a_speed_limit()
    {
        var waypoints = new[]
        {
            JointAngles.FromDegrees(0, 90, -90, -90),
            JointAngles.FromDegrees(10, 80, -100, -70),
            JointAngles.FromDegrees(10.5, 80, -100, -70),
            JointAngles.FromDegrees(-40, 40, -60, -70),
        };

        var trajectory = _planner.Plan(waypoints);

        var peaks = trajectory.PeakSpeedsDegreesPerSecond();
        Assert.True(peaks[0] <= 90 + 1e-9 && peaks[1] <= 60 + 1e-9 && peaks[2] <= 90 + 1e-9 && peaks[3] <= 120 + 1e-9, string.Join(", ", peaks));
        Assert.Equal(waypoints[^1], trajectory.End);
    }

    [Fact]
    public void A_trajectory_is_interpolated_between_samples_and_clamped_at_its_ends()
    {
        var trajectory = _planner.Plan(JointAngles.FromDegrees(0, 90, -90, -90), JointAngles.FromDegrees(9, 90, -90, -90));

        Assert.Equal(4.5, trajectory.At(Duration.FromMilliseconds(50)).DegreesAt(0), 6);
        Assert.Equal(9, trajectory.At(Duration.FromSeconds(5)).DegreesAt(0), 6);
        Assert.Equal(0, trajectory.At(Duration.FromSeconds(-1)).DegreesAt(0), 6);
    }
}
