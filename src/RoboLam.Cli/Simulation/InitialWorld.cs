using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.World;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>The controller's starting belief, taken from the simulated table as its sensors would report it.</summary>
internal static class InitialWorld
{
    /// <summary>A PDDL problem with the table's objects and facts (its goal is unused by the controller).</summary>
    public static Problem Problem(Domain domain, TabletopWorld world)
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
        text.Append(") (:goal (and)))");
        var parsed = PddlParser.ParseProblem(text.ToString(), "simulated-table");
        return parsed.Value is { } problem && !parsed.HasErrors
            ? problem
            : throw new InvalidDataException("the simulated table cannot be written as a PDDL problem: " + string.Join("; ", parsed.Diagnostics));
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
