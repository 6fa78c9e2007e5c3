using System.Collections.Immutable;
using RoboLam.Cli.Simulation;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Runtime.World;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Tests;

/// <summary>The simulated cell's sensing model and drawing, on their own.</summary>
public sealed class CellWiringTests
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_block_the_camera_sees_in_a_bin_is_in_it_not_clear_and_not_held()
    {
        var scene = new SceneReading("camera", s_now, ["r1", "b1"], ["(clear b1)", "(in r1 binL)", "(on-table b1)"]);

        var facts = Sensed(new TabletopSensing().Interpret("arm", scene, World("(holding r1)")));

        Assert.True(facts["(in r1 binl)"]);
        Assert.False(facts["(clear r1)"]);
        Assert.False(facts["(holding r1)"]);
        Assert.False(facts["(on-table r1)"]);
        Assert.True(facts["(clear b1)"]);
        Assert.False(facts["(on r1 b1)"]);
    }

    [Fact]
    public void A_block_the_camera_cannot_see_resting_anywhere_is_not_declared_held_or_free()
    {
        var scene = new SceneReading("camera", s_now, ["r1", "b1"], ["(clear b1)", "(on-table b1)"]);

        var facts = Sensed(new TabletopSensing().Interpret("arm", scene, World()));

        Assert.False(facts["(on-table r1)"]);
        Assert.False(facts.ContainsKey("(holding r1)"));
    }

    [Fact]
    public void The_object_held_input_reading_empty_empties_the_hand_in_the_belief()
    {
        var reading = new DigitalInputReading("object-held", s_now, InputRole.ObjectHeld, Active: false);

        var facts = Sensed(new TabletopSensing().Interpret("arm", reading, World("(holding r1)")));

        Assert.True(facts["(hand-empty)"]);
        Assert.False(facts["(holding r1)"]);
        Assert.Equal(2, facts.Count);
    }

    [Fact]
    public void Only_the_facts_some_sensor_reports_must_be_sensed_after_an_action()
    {
        var sensing = new TabletopSensing();

        Assert.True(sensing.IsObservable(GroundFact.Of("on", "r1", "b1")));
        Assert.True(sensing.IsObservable(GroundFact.Of("hand-empty")));
        Assert.False(sensing.IsObservable(GroundFact.Of("holding", "r1")));
    }

    [Theory]
    [InlineData(0, 90, -90, -90)]
    [InlineData(14.04, 78.62, -140.15, -28.47)]
    [InlineData(-26.57, 65.43, -137.86, -17.56)]
    public void The_picture_draws_the_fingertips_where_the_kinematics_put_them(double yaw, double shoulder, double elbow, double wrist)
    {
        var robot = RobotFileLoader.LoadOrThrow(Path.Combine(RepositoryFiles.Root, "robots", "arm4.json"));
        var expected = new ArmKinematics(robot.Arm).Forward(JointAngles.FromDegrees(yaw, shoulder, elbow, wrist));

        var tip = ArmDrawing.Pivots(robot.Arm, [yaw, shoulder, elbow, wrist])[^1];

        Assert.Equal(expected.XMeters, tip.X, 4);
        Assert.Equal(expected.YMeters, tip.Y, 4);
        Assert.Equal(expected.ZMeters, tip.Z, 4);
    }

    private static WorldState World(params string[] facts) =>
        new(
            0,
            facts.Select(GroundFact.Parse).ToImmutableHashSet(),
            ObjectCatalogue.Empty.With(CatalogueObject.Of("r1", "block")).With(CatalogueObject.Of("b1", "block")).With(CatalogueObject.Of("binl", "bin")),
            []);

    private static Dictionary<string, bool> Sensed(IReadOnlyList<SensedFact> facts) =>
        facts.ToDictionary(value => value.Fact.ToString(), value => value.Holds, StringComparer.Ordinal);
}
