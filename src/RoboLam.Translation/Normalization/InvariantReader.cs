using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>One <c>(always φ)</c> of the domain or problem, with <c>forall</c>s around it moved inside φ.</summary>
internal sealed record Invariant(Condition Body, string Description);

/// <summary>
/// Reads <c>:constraints</c> into invariants. Only <c>always</c> is compiled (possibly under <c>and</c> and
/// <c>forall</c>, since <c>∀x always φ</c> is <c>always ∀x φ</c>); every other modal operator and preferences are
/// refused with the construct and its place.
/// </summary>
internal static class InvariantReader
{
    public static List<Invariant> Read(Domain domain, Problem problem)
    {
        var invariants = new List<Invariant>();
        if (domain.Constraints is not null)
        {
            Read(domain.Constraints, "domain", [], invariants);
        }

        if (problem.Constraints is not null)
        {
            Read(problem.Constraints, "problem", [], invariants);
        }

        return invariants;
    }

    private static void Read(Condition constraint, string origin, List<Seq<TypedName>> quantifiers, List<Invariant> into)
    {
        switch (constraint)
        {
            case AndCondition conjunction:
                foreach (var operand in conjunction.Operands)
                {
                    Read(operand, origin, quantifiers, into);
                }

                break;
            case ForAllCondition forAll:
                quantifiers.Add(forAll.Variables);
                Read(forAll.Body, origin, quantifiers, into);
                quantifiers.RemoveAt(quantifiers.Count - 1);
                break;
            case ConstraintCondition { Operator: "always", Operands.Count: 1 } always:
                {
                    var body = always.Operands[0];
                    for (var index = quantifiers.Count - 1; index >= 0; index--)
                    {
                        body = new ForAllCondition(quantifiers[index], body, always.Span);
                    }

                    into.Add(new Invariant(body, $"the {origin} invariant (always ...) at {always.Span}"));
                    break;
                }

            case ConstraintCondition modal:
                throw Unsupported.Construct(
                    $"the {origin} constraint ({modal.Operator} ...) (only (always ...) invariants are)", modal.Span);
            case PreferenceCondition preference:
                throw Unsupported.Construct($"the {origin} constraint preference (preference ...)", preference.Span);
            default:
                throw Unsupported.Construct(
                    $"the {origin} :constraints form that is not a modal operator such as (always ...)", constraint.Span);
        }
    }
}
