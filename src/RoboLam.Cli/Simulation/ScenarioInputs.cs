using RoboLam.Hardware.Description;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Sim.Faults;
using RoboLam.Sim.Scenarios;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// Everything a scenario names, loaded and cross-checked before anything is built: the scenario file, its robot
/// file (bindings checked against the domain's actions), the domain, the world, and the goal's predicates.
/// Every failure is one line that names the file and the place, with its exit code.
/// </summary>
internal sealed record ScenarioInputs(Scenario Scenario, RobotDescription Robot, Domain Domain)
{
    /// <summary>A fresh simulated table for the scenario (a run changes it).</summary>
    public TabletopWorld CreateWorld() => TabletopWorld.Load(Scenario.WorldJson);

    public static ScenarioInputs? Load(string path, out int exitCode, out string problem)
    {
        exitCode = ExitCodes.Success;
        problem = string.Empty;
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(path);
        }
        catch (ScenarioException exception)
        {
            exitCode = exception.IsUnreadable ? ExitCodes.FileError : ExitCodes.ConfigurationError;
            problem = exception.Message;
            return null;
        }

        if (!File.Exists(scenario.DomainPath))
        {
            return Fail(ExitCodes.FileError, $"{path}: \"domain\" names {scenario.DomainPath}, which does not exist; give the path of a domain.pddl relative to the scenario", out exitCode, out problem);
        }

        var parsed = PddlParser.LoadDomain(scenario.DomainPath);
        var firstError = parsed.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Severity == Severity.Error);
        if (parsed.Value is not { } domain || firstError is not null)
        {
            return Fail(ExitCodes.PddlError, $"{firstError?.ToString() ?? scenario.DomainPath + ": the domain cannot be read"} (the domain of {path})", out exitCode, out problem);
        }

        if (!File.Exists(scenario.RobotPath))
        {
            return Fail(ExitCodes.FileError, $"{path}: \"robot\" names {scenario.RobotPath}, which does not exist; give the path of a robot file (robots/arm4.json) relative to the scenario", out exitCode, out problem);
        }

        var signatures = domain.Actions.Select(action => new DomainActionSignature(action.Name, action.Parameters.Count)).ToArray();
        var robot = RobotFileLoader.LoadFile(scenario.RobotPath, signatures);
        if (robot.Robot is null || robot.Errors.Any())
        {
            var errors = robot.Errors.ToArray();
            var more = errors.Length > 1 ? $" (and {errors.Length - 1} more in that file)" : string.Empty;
            return Fail(ExitCodes.ConfigurationError, $"{errors.FirstOrDefault()?.ToString() ?? scenario.RobotPath + ": the robot file cannot be used"}{more}", out exitCode, out problem);
        }

        var inputs = new ScenarioInputs(scenario, robot.Robot, domain);
        TabletopWorld world;
        try
        {
            world = inputs.CreateWorld();
        }
        catch (Exception exception) when (exception is InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Fail(ExitCodes.ConfigurationError, $"{path}: world: {exception.Message}", out exitCode, out problem);
        }

        if (InitialWorld.CheckInvariants(domain, world, SafetyDescription.Of(robot.Robot).PlanInvariants) is { } badInvariant)
        {
            return Fail(ExitCodes.ConfigurationError, $"{scenario.RobotPath}: {badInvariant}", out exitCode, out problem);
        }

        var unknown = CheckPredicates(domain, scenario.Goal.Concat(scenario.Expect.Facts).Concat(scenario.Expect.AbsentFacts))
            ?? CheckFaults(scenario.Faults, robot.Robot);
        return unknown is null ? inputs : Fail(ExitCodes.ConfigurationError, $"{path}: {unknown}", out exitCode, out problem);
    }

    /// <summary>Every fault must name an input or joint the robot has, and a lag must slow a servo, not stop or speed it.</summary>
    private static string? CheckFaults(IReadOnlyList<ScenarioFault> faults, RobotDescription robot)
    {
        for (var index = 0; index < faults.Count; index++)
        {
            var (input, joint) = faults[index].Fault switch
            {
                EmergencyStopPress press => (press.Input, null),
                StuckInput stuck => (stuck.Input, null),
                ServoStall stall => (null, stall.Joint),
                ServoLag lag => (null, lag.Joint),
                _ => ((string?)null, (string?)null),
            };
            if (input is not null && !robot.Inputs.Any(item => string.Equals(item.Name, input, StringComparison.OrdinalIgnoreCase)))
            {
                return $"faults[{index}].input \"{input}\" is not an input of robot \"{robot.Name}\"; its inputs are {string.Join(", ", robot.Inputs.Select(item => item.Name))}";
            }

            if (joint is not null && !robot.Arm.Joints.Any(item => string.Equals(item.Name, joint, StringComparison.OrdinalIgnoreCase)))
            {
                return $"faults[{index}].joint \"{joint}\" is not a joint of robot \"{robot.Name}\"; its joints are {string.Join(", ", robot.Arm.Joints.Select(item => item.Name))}";
            }

            if (faults[index].Fault is ServoLag { SpeedFactor: <= 0 or > 1 } slow)
            {
                return $"faults[{index}].speedFactor is {slow.SpeedFactor}; a lagging servo keeps a fraction of its speed, above 0 and at most 1";
            }
        }

        return null;
    }

    private static string? CheckPredicates(Domain domain, IEnumerable<string> facts)
    {
        foreach (var fact in facts)
        {
            var words = fact.Trim().TrimStart('(').TrimEnd(')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var predicate = domain.Predicates.FirstOrDefault(item => string.Equals(item.Name, words[0], StringComparison.OrdinalIgnoreCase));
            if (predicate is null)
            {
                return $"the fact \"{fact}\" uses \"{words[0]}\", which domain {domain.Name} does not have; its predicates are {string.Join(", ", domain.Predicates.Select(item => item.Name))}";
            }

            if (predicate.Parameters.Count != words.Length - 1)
            {
                return $"the fact \"{fact}\" gives {words.Length - 1} argument(s), but \"{predicate.Name}\" takes {predicate.Parameters.Count}";
            }
        }

        return null;
    }

    private static ScenarioInputs? Fail(int code, string message, out int exitCode, out string problem)
    {
        exitCode = code;
        problem = message;
        return null;
    }
}
