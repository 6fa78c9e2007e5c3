using RoboLam.Intent.Worlds;
using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Evaluation;

/// <summary>
/// Runs evaluation items: each in a fresh conversation on its world, its context commands first (they set what
/// "it" means), then the timed utterance. Worlds and domains are loaded once.
/// </summary>
public sealed class EvalRunner
{
    private readonly IntentParser _parser;
    private readonly Func<string, Domain> _domainFor;
    private readonly Dictionary<string, World> _worlds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Domain> _domains = new(StringComparer.Ordinal);

    /// <param name="domainFor">The domain for a domain name; throws with a clear message when there is none.</param>
    public EvalRunner(IntentParser parser, Func<string, Domain> domainFor)
    {
        _parser = parser;
        _domainFor = domainFor;
    }

    public EvalReport Run(IReadOnlyList<EvalItem> items, Action<EvalOutcome>? onOutcome = null)
    {
        var outcomes = new List<EvalOutcome>(items.Count);
        foreach (var item in items)
        {
            var world = WorldFor(item.WorldPath);
            var session = new IntentSession(world, DomainFor(world.DomainName));
            foreach (var earlier in item.Context)
            {
                _parser.Parse(earlier, session);
            }

            var result = _parser.Parse(item.Utterance, session);
            var (correct, explanation) = EvalScorer.Score(item, result, world);
            var outcome = new EvalOutcome(item, result, correct, explanation);
            outcomes.Add(outcome);
            onOutcome?.Invoke(outcome);
        }

        return new EvalReport(outcomes);
    }

    private World WorldFor(string path)
    {
        if (!_worlds.TryGetValue(path, out var world))
        {
            world = WorldLoader.Load(path);
            _worlds[path] = world;
        }

        return world;
    }

    private Domain DomainFor(string name)
    {
        if (!_domains.TryGetValue(name, out var domain))
        {
            domain = _domainFor(name);
            _domains[name] = domain;
        }

        return domain;
    }
}
