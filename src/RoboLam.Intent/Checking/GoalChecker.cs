using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Checking;

/// <summary>
/// Checks a proposed goal before anything acts: every predicate is in the domain with the right number of
/// arguments, every argument is an object of the world of a fitting type, and the goal is reachable.
/// Whoever proposed it (the tagger or a language model), the same checks apply.
/// </summary>
public sealed class GoalChecker
{
    private readonly IReachabilityChecker _reachability;

    public GoalChecker(IReachabilityChecker? reachability = null)
    {
        _reachability = reachability ?? new RelaxedReachability();
    }

    /// <summary>Null when the goal passes; otherwise the reason to refuse it, in words.</summary>
    public string? Check(IReadOnlyList<Fact> goal, World world, DomainSchema schema)
    {
        if (goal.Count == 0)
        {
            return "the command asks for nothing I can do";
        }

        foreach (var fact in goal)
        {
            var problem = CheckTypes(fact, world, schema);
            if (problem is not null)
            {
                return problem;
            }
        }

        var unreachable = _reachability.Unreachable(schema, world, ProblemFacts.Initial(world, schema), goal);
        return unreachable.Count == 0
            ? null
            : $"{string.Join(' ', unreachable)} can never hold from the current state: no sequence of {schema.Name} actions makes it true";
    }

    private static string? CheckTypes(Fact fact, World world, DomainSchema schema)
    {
        if (!schema.Predicates.TryGetValue(fact.Predicate, out var parameters))
        {
            return $"{fact}: the {schema.Name} domain has no predicate '{fact.Predicate}'";
        }

        if (parameters.Count != fact.Arguments.Count)
        {
            return $"{fact}: '{fact.Predicate}' takes {parameters.Count} argument(s), not {fact.Arguments.Count}";
        }

        for (var index = 0; index < parameters.Count; index++)
        {
            var name = fact.Arguments[index];
            var type = world.Find(name)?.Type ?? (schema.Constants.TryGetValue(name, out var constant) ? constant.Alternatives[0] : null);
            if (type is null)
            {
                return $"{fact}: there is no object '{name}' here";
            }

            if (!schema.Fits(type, parameters[index]))
            {
                return $"{fact}: {name} is a {type}, but '{fact.Predicate}' takes a {parameters[index]} as argument {index + 1}";
            }
        }

        return null;
    }
}
