using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Evaluation;

/// <summary>
/// Scores one result against its item: a goal must contain every gold literal, and anything more must already be
/// true in the world; a question must name exactly the gold candidates (in one of its candidate lists); a
/// rejection must be a refusal. Names compare case-insensitively, as in PDDL.
/// </summary>
public static class EvalScorer
{
    public static (bool Correct, string Explanation) Score(EvalItem item, IntentResult result, World world)
    {
        switch (item.Expect)
        {
            case IntentKind.Goal:
                if (result.Kind != IntentKind.Goal)
                {
                    return (false, $"expected the goal {string.Join(' ', item.Goal)}, got {Describe(result)}");
                }

                var missing = item.Goal.Where(fact => !result.Goal.Contains(Lower(fact))).ToList();
                var extra = result.Goal.Where(fact => !item.Goal.Select(Lower).Contains(fact) && !world.Holds(fact)).ToList();
                return missing.Count == 0 && extra.Count == 0
                    ? (true, "goal")
                    : (false, $"goal {result.GoalText}: missing {string.Join(' ', missing)}; not already true {string.Join(' ', extra)}");
            case IntentKind.Clarify:
                var gold = item.Candidates.ToHashSet(StringComparer.OrdinalIgnoreCase);
                return result.Kind == IntentKind.Clarify && result.Candidates.Any(set => set.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(gold))
                    ? (true, "clarify")
                    : (false, $"expected a question about {string.Join(", ", item.Candidates)}, got {Describe(result)}");
            default:
                return result.Kind == IntentKind.Refuse ? (true, "reject") : (false, $"expected a refusal, got {Describe(result)}");
        }
    }

    public static string Describe(IntentResult result) => result.Kind switch
    {
        IntentKind.Goal => $"the goal {result.GoalText}",
        IntentKind.Confirm => $"a confirmation of {result.GoalText}",
        IntentKind.Clarify => $"the question \"{result.Question}\" [{string.Join(" | ", result.Candidates.Select(set => string.Join(", ", set)))}]",
        _ => $"a refusal: {result.Reason}",
    };

    private static Fact Lower(Fact fact) => Fact.Of(fact.Predicate, [.. fact.Arguments]);
}
