using RoboLam.Hardware.Kinematics;

namespace RoboLam.Hardware.Tests;

public sealed class KinematicsTests
{
    private readonly ArmKinematics _kinematics = new(RobotFiles.Arm4.Arm);

    public static TheoryData<double, double, double> ReachablePoints() => new()
    {
        { 0.10, 0.20, 0.015 },
        { 0.25, 0.20, 0.05 },
        { 0.40, 0.18, 0.10 },
        { 0.00, 0.10, 0.01 },
        { 0.60, 0.50, 0.16 },
        { 0.05, 0.45, 0.15 },
        { 0.30, 0.10, 0.01 },
        { 0.30, 0.30, 0.36 },
    };

    [Theory]
    [MemberData(nameof(ReachablePoints))]
    public void Forward_of_inverse_returns_the_target_within_a_tenth_of_a_millimetre(double x, double y, double z)
    {
        var target = Point3.FromMeters(x, y, z);

        var angles = _kinematics.Inverse(target);
        var reached = _kinematics.Forward(angles);

        Assert.True(reached.DistanceTo(target).Meters < 1e-4, $"IK{target} = {angles}, FK gives {reached}");
        Assert.Null(_kinematics.FirstLimitViolation(angles));
    }

    [Theory]
    [MemberData(nameof(ReachablePoints))]
    public void The_tool_points_straight_down_in_every_inverse_solution(double x, double y, double z)
    {
        var angles = _kinematics.Inverse(Point3.FromMeters(x, y, z));

        Assert.Equal(-90, angles.DegreesAt(1) + angles.DegreesAt(2) + angles.DegreesAt(3), 6);
    }

    [Fact]
    public void The_home_pose_puts_the_fingertips_above_the_middle_of_the_table()
    {
        var home = _kinematics.Forward(RobotFiles.Arm4.Arm.HomeAngles);

        Assert.Equal(0.30, home.XMeters, 6);
        Assert.Equal(0.30, home.YMeters, 6);
        Assert.Equal(0.36, home.ZMeters, 6);
    }

    [Fact]
    public void A_target_beyond_the_links_is_unreachable_with_the_distance_in_the_message()
    {
        var exception = Assert.Throws<UnreachableTargetException>(() => _kinematics.Inverse(Point3.FromMeters(0.30, 0.80, 0.02)));

        Assert.Contains("the arm reaches 0.62 m", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(0.3 m, 0.8 m, 0.02 m)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_on_the_base_axis_is_unreachable()
    {
        Assert.False(_kinematics.TryInverse(Point3.FromMeters(0.30, 0.005, 0.1), out _, out var reason));
        Assert.Contains("base axis", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_behind_the_base_needs_a_base_angle_beyond_its_limit()
    {
        Assert.False(_kinematics.TryInverse(Point3.FromMeters(0.30, -0.30, 0.1), out _, out var reason));
        Assert.Contains("the base joint would need", reason, StringComparison.Ordinal);
    }
}
