using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Normalization;

/// <summary>
/// Puts derived predicates into layers so that negation only looks down: a rule's head is at least as high as
/// any derived predicate in its body, and strictly higher than any it negates. A cycle through negation has no
/// such layering and is rejected.
/// </summary>
internal static class AxiomStratifier
{
    public static List<PredicateInfo> AssignLayers(IReadOnlyList<PredicateInfo> predicates, IReadOnlyList<LiftedAxiom> axioms)
    {
        var layers = new int[predicates.Count];
        var derivedCount = predicates.Count(predicate => predicate.Kind == PredicateKind.Derived);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var axiom in axioms)
            {
                foreach (var literal in axiom.Body)
                {
                    if (predicates[literal.Predicate].Kind != PredicateKind.Derived)
                    {
                        continue;
                    }

                    var required = layers[literal.Predicate] + (literal.IsNegated ? 1 : 0);
                    if (layers[axiom.Head] >= required)
                    {
                        continue;
                    }

                    if (required > derivedCount)
                    {
                        throw new TranslationException(
                            $"The derived predicate {predicates[axiom.Head].Name} depends on the negation of itself " +
                            $"(through {predicates[literal.Predicate].Name}); such axioms cannot be stratified.");
                    }

                    layers[axiom.Head] = required;
                    changed = true;
                }
            }
        }

        return predicates.Select((predicate, index) => predicate with { Layer = layers[index] }).ToList();
    }
}
