using RoboLam.Drivers.Arm;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Motion;
using RoboLam.Sim.World;

namespace RoboLam.Sim.Tests;

/// <summary>
/// A rig with the real ServoArm driver on it and the robot's action bindings: enough to carry out
/// <c>pick</c>, <c>place-on</c>, <c>put-in</c> as the runtime will, one command after another, on virtual time.
/// </summary>
internal sealed class SimulatedCell : IDisposable
{
    private int _actions;

    public SimulatedCell(string worldFile)
        : this(TabletopWorld.Load(File.ReadAllText(Path.Combine(TestRobot.RepositoryRoot, "..", "shared", "nl", "worlds", worldFile))))
    {
    }

    public SimulatedCell(TabletopWorld world)
    {
        Rig = new SimulatedRig(TestRobot.Arm4, world);
        Arm = new ServoArm(Rig.CreateServoBoardDevice(), TestRobot.Arm4, Rig.Clock);
        Expander = new MotionExpander(TestRobot.Arm4);
    }

    public SimulatedRig Rig { get; }

    public ServoArm Arm { get; }

    public MotionExpander Expander { get; }

    public TabletopWorld World => Rig.World;

    /// <summary>Expands the action against the world as it is now and runs its commands in order; stops at the first that does not complete.</summary>
    public async Task<IReadOnlyList<CommandOutcome>> RunAsync(string action, params string[] arguments)
    {
        var expanded = Expander.Expand($"action-{++_actions}", action, arguments, Arm.CommandedAngles, World);
        var outcomes = new List<CommandOutcome>();
        foreach (var command in expanded.Commands)
        {
            var outcome = await Rig.Clock.RunUntilAsync(Arm.ExecuteAsync(command), TimeSpan.FromMinutes(2));
            outcomes.Add(outcome);
            if (!outcome.Succeeded)
            {
                break;
            }
        }

        return outcomes;
    }

    public void Dispose() => Arm.Dispose();
}

/// <summary>robots/arm4.json, found from the test's output folder.</summary>
internal static class TestRobot
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static RobotDescription Arm4 { get; } = RobotFileLoader.LoadOrThrow(Path.Combine(RepositoryRoot, "robots", "arm4.json"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RoboLam.sln not found above " + AppContext.BaseDirectory);
    }
}
