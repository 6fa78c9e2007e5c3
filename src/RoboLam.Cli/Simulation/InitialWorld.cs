using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RoboLam.Hardware.Description;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Runtime.World;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>The controller's starting belief, taken from the simulated table as its sensors would report it.</summary>
internal static class InitialWorld
{
    /// <summary>
    /// A PDDL problem with the table's objects and facts (its goal is unused by the controller) and the robot's plan
    /// invariants as its <c>always</c> constraints, which every problem the controller writes from it keeps.
    /// </summary>
    public static Problem Problem(Domain domain, TabletopWorld world, IReadOnlyList<PlanInvariant> invariants)
    {
        var parsed = PddlParser.ParseProblem(Text(domain, world, invariants), "simulated-table");
        return parsed.Value is { } problem && !parsed.HasErrors
            ? problem
            : throw new InvalidDataException("the simulated table cannot be written as a PDDL problem: " + string.Join("; ", parsed.Diagnostics));
    }

    /// <summary>
    /// Null when every plan invariant of the robot reads as a condition over the domain and the table's objects;
    /// else the first problem, named by its place in the robot file.
    /// </summary>
    public static string? CheckInvariants(Domain domain, TabletopWorld world, IReadOnlyList<PlanInvariant> invariants)
    {
        foreach (var invariant in invariants)
        {
            var parsed = PddlParser.ParseProblem(Text(domain, world, [invariant]), invariant.Path);
            var diagnostics = parsed.Value is { } problem && !parsed.HasErrors ? PddlChecker.Check(domain, problem) : parsed.Diagnostics;
            if (diagnostics.FirstOrDefault(diagnostic => diagnostic.Severity == Severity.Error) is { } error)
            {
                return $"{invariant.Path}: \"{invariant.Always}\": {error.Message}; write a condition over the predicates of domain {domain.Name}";
            }
        }

        return null;
    }

    private static string Text(Domain domain, TabletopWorld world, IReadOnlyList<PlanInvariant> invariants)
    {
        var binned = world.Blocks.Where(block => world.Bins.Any(bin => string.Equals(bin.Name, block.Support, StringComparison.OrdinalIgnoreCase)))
            .Select(block => $"(clear {block.Name})").ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"(define (problem simulated-table) (:domain {domain.Name}) (:objects");
        text.Append(string.Concat(world.Blocks.Select(block => " " + block.Name))).Append(" - block");
        if (world.Bins.Count > 0)
        {
            text.Append(string.Concat(world.Bins.Select(bin => " " + bin.Name))).Append(" - bin");
        }

        text.Append(") (:init ");
        text.Append(string.Join(' ', world.Facts().Where(fact => !binned.Contains(fact))));
        text.Append(") (:goal (and))");
        if (invariants.Count > 0)
        {
            text.Append(" (:constraints (and").Append(string.Concat(invariants.Select(invariant => $" (always {invariant.Always})"))).Append("))");
        }

        return text.Append(')').ToString();
    }

    /// <summary>Colour, size and position of every object, as perception would give them to the world model.</summary>
    public static IReadOnlyList<CatalogueObject> Attributes(TabletopWorld world) =>
    [
        .. world.Blocks.Select(block => new CatalogueObject(block.Name, "block", Attributes(("color", block.Colour), ("size", block.Size), ("x", Metres(block.Bottom.XMeters)), ("y", Metres(block.Bottom.YMeters))))),
        .. world.Bins.Select(bin => new CatalogueObject(bin.Name, "bin", Attributes(("color", bin.Colour), ("x", Metres(bin.Centre.XMeters)), ("y", Metres(bin.Centre.YMeters))))),
    ];

    private static ImmutableDictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.Where(pair => pair.Value.Length > 0).ToImmutableDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static string Metres(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
