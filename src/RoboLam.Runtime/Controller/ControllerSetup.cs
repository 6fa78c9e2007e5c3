using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Controller;

/// <summary>
/// Everything the controller needs at start-up: the domain, the world it starts in (a PDDL problem's objects and
/// init; its goal is ignored), the devices with their actuators and sensors, which device runs which action, and
/// the safety gate (there is no default: the composition root must supply RoboLam.Safety's).
/// </summary>
public sealed record ControllerSetup(
    Domain Domain,
    Problem InitialWorld,
    IReadOnlyList<DeviceSetup> Devices,
    DeviceAssignments Assignments,
    ISafetyGate SafetyGate)
{
    /// <summary>How readings become facts; by default nothing is observed and completions confirm effects.</summary>
    public IFactSensing Sensing { get; init; } = DigitalInputFacts.None;

    /// <summary>Perception attributes (colour, position...) for objects of the initial world.</summary>
    public IReadOnlyList<CatalogueObject> ObjectAttributes { get; init; } = [];

    public PlannerSettings Planner { get; init; } = PlannerSettings.Default;

    public ExecutionSettings Execution { get; init; } = ExecutionSettings.Default;

    /// <summary>The control loop's heartbeat to the safety watchdog; null: the loop does not beat (tests of single actors).</summary>
    public ControlLoopSettings? ControlLoop { get; init; }

    /// <summary>The SQLite file of the command journal; null keeps the journal in memory (nothing survives a restart).</summary>
    public string? JournalPath { get; init; }

    public string SystemName { get; init; } = "robolam";

    /// <summary>Extra HOCON for the actor system (logging, dispatchers); the journal settings are added to it.</summary>
    public string? ExtraHocon { get; init; }

    /// <summary>The world model's starting state: the problem's facts and objects, with the attributes given.</summary>
    public WorldState CreateInitialWorld()
    {
        var world = WorldState.FromProblem(Domain, InitialWorld);
        var objects = world.Objects;
        foreach (var item in ObjectAttributes)
        {
            objects = objects.Contains(item.Name) ? objects.WithAttributes(item.Name, item.Attributes) : objects.With(item);
        }

        return new WorldState(0, world.Facts, objects, world.StaticValues);
    }

    /// <summary>Checks the set-up as a whole and throws with every problem found, so the controller never starts half-wired.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        var domain = DomainModel.Create(Domain);
        foreach (var action in Assignments.Unassigned(domain.ActionNames))
        {
            problems.Add($"action \"{action}\" of domain \"{Domain.Name}\" has no device assignment");
        }

        var devices = Devices.Select(device => device.DeviceId).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in Devices.GroupBy(device => device.DeviceId).Where(group => group.Count() > 1))
        {
            problems.Add($"device \"{duplicate.Key}\" is listed {duplicate.Count()} times");
        }

        foreach (var assignment in Assignments.All.Where(assignment => !assignment.Device.Contains('{') && !devices.Contains(assignment.Device)))
        {
            problems.Add($"action \"{assignment.Action}\" is assigned to device \"{assignment.Device}\", which is not among the devices ({string.Join(", ", devices)})");
        }

        foreach (var configuration in Planner.Configurations)
        {
            try
            {
                RoboLam.Planning.Planner.ValidateConfiguration(configuration);
            }
            catch (Exception exception) when (exception is RoboLam.Planning.Configuration.ConfigurationException or ArgumentException)
            {
                problems.Add($"planner configuration \"{configuration}\": {exception.Message}");
            }
        }

        if (ControlLoop is { Period: var period } && period <= TimeSpan.Zero)
        {
            problems.Add($"the control loop's heartbeat period must be positive, not {period}");
        }

        if (Planner.Configurations.Count == 0)
        {
            problems.Add("the planner needs at least one search configuration");
        }

        try
        {
            CreateInitialWorld();
        }
        catch (Exception exception) when (exception is NotSupportedException or KeyNotFoundException)
        {
            problems.Add($"the initial world: {exception.Message}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The controller set-up is not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem)));
        }
    }
}
