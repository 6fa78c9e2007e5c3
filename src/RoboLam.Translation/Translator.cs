using System.Diagnostics;
using RoboLam.Pddl.Ast;
using RoboLam.Planning;
using RoboLam.Planning.Tasks;
using RoboLam.Translation.Encoding;
using RoboLam.Translation.Explanation;
using RoboLam.Translation.Grounding;
using RoboLam.Translation.Lifted;
using RoboLam.Translation.Normalization;
using RoboLam.Translation.Simplification;

namespace RoboLam.Translation;

/// <summary>
/// Translates a checked PDDL domain and problem into the grounded <see cref="GroundTask"/> search works on, in
/// four timed stages: normalize, ground (relaxed reachability), simplify, encode.
/// </summary>
public static class Translator
{
    public const string NormalizeStage = "normalize";
    public const string GroundStage = "ground";
    public const string SimplifyStage = "simplify";
    public const string EncodeStage = "encode";

    /// <summary>
    /// Translates the task. Throws <see cref="TranslationException"/> for constructs the translator does not
    /// support (naming them) and for inconsistencies such as a missing action cost; an unreachable goal is not an
    /// error: the result then carries explanations and a task without a solution.
    /// </summary>
    public static TranslationResult Translate(Domain domain, Problem problem, CancellationToken cancellationToken = default) =>
        Translate(domain, problem, new NormalizerOptions(), cancellationToken);

    internal static TranslationResult Translate(
        Domain domain, Problem problem, NormalizerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(problem);
        var stages = new List<StageReport>(4);

        var lifted = Run(stages, NormalizeStage, () => Normalizer.Normalize(domain, problem, options, cancellationToken), task =>
        [
            new("objects", task.Objects.Count),
            new("actions", task.Actions.Count),
            new("axioms", task.Axioms.Count),
        ]);

        ReachabilityResult? reached = null;
        var grounded = Run(stages, GroundStage, () =>
        {
            reached = new RelaxedReachability(lifted).Run(cancellationToken);
            return new Instantiator(lifted, reached).Instantiate(cancellationToken);
        }, model =>
        [
            new("atoms", CountReachedAtoms(model, lifted)),
            new("operators", model.Actions.Count),
            new("axioms", model.Axioms.Count),
        ]);

        var simplified = Run(stages, SimplifyStage, () => Simplifier.Simplify(grounded, lifted.Predicates, cancellationToken), model =>
        [
            new("operators", model.Actions.Count),
            new("axioms", model.Axioms.Count),
            new("goal literals", model.Goal.Length),
        ]);

        int[] invariantFacts = [];
        var task = Run(stages, EncodeStage, () => EncodeAndCheck(simplified, lifted, out invariantFacts), encoded =>
        [
            new("facts", encoded.FactCount),
            new("derived facts", encoded.DerivedFacts.Count),
            new("operators", encoded.Operators.Count),
            new("axioms", encoded.Axioms.Count),
        ]);

        var explanations = simplified.GoalIsFalse
            ? new UnreachableGoalExplainer(lifted, reached!).Explain(grounded, simplified)
            : [];
        if (simplified.GoalIsFalse && explanations.Count == 0)
        {
            explanations.Add("The goal can never hold, even ignoring deletes.");
        }

        explanations.AddRange(BrokenInitially(task, simplified, invariantFacts));

        return new TranslationResult(task, stages, explanations);
    }

    private static GroundTask EncodeAndCheck(GroundModel model, LiftedTask lifted, out int[] invariantFacts)
    {
        var task = Encoder.Encode(model, lifted, out invariantFacts);
        var problems = GroundTaskChecker.Check(task);
        if (problems.Count > 0)
        {
            throw new TranslationException("The encoded task is malformed: " + string.Join(" ", problems.Take(5)));
        }

        return task;
    }

    /// <summary>A sentence for each invariant the initial state already breaks: then no plan exists.</summary>
    private static IEnumerable<string> BrokenInitially(GroundTask task, GroundModel model, int[] invariantFacts)
    {
        var broken = Planner.ForbiddenFactsInInitialState(task);
        for (var index = 0; index < invariantFacts.Length; index++)
        {
            if (broken.Contains(invariantFacts[index]))
            {
                yield return $"The initial state breaks {model.Invariants[index].Description}.";
            }
        }
    }

    private static int CountReachedAtoms(GroundModel model, LiftedTask lifted)
    {
        var count = 0;
        for (var atom = 0; atom < model.Atoms.Count; atom++)
        {
            var predicate = model.Atoms.PredicateOf(atom);
            if (predicate < lifted.Predicates.Count && !lifted.Predicates[predicate].IsStatic)
            {
                count++;
            }
        }

        return count;
    }

    private static T Run<T>(List<StageReport> stages, string name, Func<T> stage, Func<T, StageCount[]> counts)
    {
        var stopwatch = Stopwatch.StartNew();
        T result;
        try
        {
            result = stage();
        }
        catch (Exception exception) when (exception is not (TranslationException or OperationCanceledException))
        {
            // A bug of ours, not the user's: keep the stage and the reason, without a stack trace in their face.
            throw new TranslationException($"The {name} stage failed unexpectedly: {exception.Message}", exception);
        }

        stopwatch.Stop();
        stages.Add(new StageReport(name, stopwatch.Elapsed, counts(result)));
        return result;
    }
}
