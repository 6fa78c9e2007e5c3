using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Checking;

/// <summary>
/// The initial state a world gives a domain: its facts, plus one role fact per station label when the domain
/// declares it (label "drilling" → <c>(drilling-station s)</c>, as domains/factory/README.md describes).
/// </summary>
public static class ProblemFacts
{
    public static IReadOnlySet<Fact> Initial(World world, DomainSchema schema)
    {
        var facts = world.Facts.ToHashSet();
        foreach (var item in world.Objects.Where(item => item.Label is not null))
        {
            var role = item.Label + "-" + item.Type;
            if (schema.Predicates.TryGetValue(role, out var parameters) && parameters.Count == 1)
            {
                facts.Add(Fact.Of(role, item.Name));
            }
        }

        return facts;
    }
}
