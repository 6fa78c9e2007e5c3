using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.World;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// How the tabletop cell's readings become facts. The "object held" input settles <c>(hand-empty)</c> (and, when
/// it reads empty, that nothing is held); the overhead camera settles where every block rests: <c>on</c>,
/// <c>on-table</c>, <c>in</c>, <c>clear</c>, and that a block resting somewhere is not held. Those facts are
/// observable, so an action's effects on them must be seen before they count.
/// </summary>
internal sealed class TabletopSensing : IFactSensing
{
    private static readonly HashSet<string> s_observed = new(StringComparer.Ordinal) { "on", "on-table", "in", "clear", "hand-empty" };

    public IReadOnlyList<SensedFact> Interpret(string deviceId, SensorReading reading, WorldState world) => reading switch
    {
        DigitalInputReading { Role: InputRole.ObjectHeld } held => Held(held.Active, world),
        SceneReading scene => Scene(scene, world),
        _ => [],
    };

    public bool IsObservable(GroundFact fact) => s_observed.Contains(fact.Predicate);

    private static SensedFact[] Held(bool active, WorldState world)
    {
        var facts = new List<SensedFact> { new(GroundFact.Of("hand-empty"), !active) };
        if (!active)
        {
            facts.AddRange(world.Facts.Where(fact => fact.Predicate == "holding").Select(fact => new SensedFact(fact, false)));
        }

        return [.. facts];
    }

    private static SensedFact[] Scene(SceneReading scene, WorldState world)
    {
        var seen = scene.Facts.Select(fact => GroundFact.Parse(fact.ToLowerInvariant())).ToHashSet();
        var bins = world.Objects.All.Where(item => item.Type == "bin").Select(item => item.Name).ToArray();
        var facts = new List<SensedFact>();
        foreach (var block in scene.Blocks.Select(name => name.ToLowerInvariant()))
        {
            var binned = bins.Any(bin => seen.Contains(GroundFact.Of("in", block, bin)));
            var onTable = GroundFact.Of("on-table", block);
            facts.Add(new SensedFact(onTable, seen.Contains(onTable)));

            // The domain calls a binned block out of play, not clear.
            var clear = GroundFact.Of("clear", block);
            facts.Add(new SensedFact(clear, seen.Contains(clear) && !binned));
            facts.AddRange(bins.Select(bin => GroundFact.Of("in", block, bin)).Select(fact => new SensedFact(fact, seen.Contains(fact))));
            var rests = binned || seen.Contains(onTable);
            foreach (var other in scene.Blocks.Select(name => name.ToLowerInvariant()).Where(other => other != block))
            {
                var on = GroundFact.Of("on", block, other);
                rests |= seen.Contains(on);
                facts.Add(new SensedFact(on, seen.Contains(on)));
            }

            if (rests)
            {
                facts.Add(new SensedFact(GroundFact.Of("holding", block), false));
            }
        }

        return [.. facts];
    }
}
