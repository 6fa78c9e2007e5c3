using System.Globalization;
using RoboLam.Pddl.Ast;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>
/// Evaluates a condition of one ground action on a world state (closed world: what is not listed is false),
/// explains why one is false, and lists the facts it reads.
/// </summary>
internal sealed class ConditionEvaluator
{
    private readonly DomainModel _domain;
    private readonly WorldState _world;

    public ConditionEvaluator(DomainModel domain, WorldState world)
    {
        _domain = domain;
        _world = world;
    }

    public bool Holds(Condition condition, Bindings bindings) => condition switch
    {
        AtomCondition atom => _world.Holds(bindings.Ground(atom.Atom)),
        EqualsCondition equals => bindings.Resolve(equals.Left) == bindings.Resolve(equals.Right),
        NotCondition not => !Holds(not.Operand, bindings),
        AndCondition and => and.Operands.All(operand => Holds(operand, bindings)),
        OrCondition or => or.Operands.Any(operand => Holds(operand, bindings)),
        ImplyCondition imply => !Holds(imply.Antecedent, bindings) || Holds(imply.Consequent, bindings),
        ExistsCondition exists => bindings.Expand(exists.Variables, _domain, _world).Any(inner => Holds(exists.Body, inner)),
        ForAllCondition forAll => bindings.Expand(forAll.Variables, _domain, _world).All(inner => Holds(forAll.Body, inner)),
        ComparisonCondition comparison => Compare(comparison, bindings),
        TimedCondition timed => Holds(timed.Body, bindings),

        // Preferences are soft and trajectory constraints are judged by the planner, not per action.
        PreferenceCondition or ConstraintCondition => true,
        _ => throw new ExecutionModelException($"{condition.Span}: unsupported condition {condition.GetType().Name}"),
    };

    /// <summary>Null when the condition holds; otherwise the smallest false part, in words.</summary>
    public string? Explain(Condition condition, Bindings bindings)
    {
        if (Holds(condition, bindings))
        {
            return null;
        }

        switch (condition)
        {
            case AndCondition and:
                return and.Operands.Select(operand => Explain(operand, bindings)).First(reason => reason is not null);
            case NotCondition { Operand: AtomCondition atom }:
                return $"{bindings.Ground(atom.Atom)} holds";
            case AtomCondition atom:
                return $"{bindings.Ground(atom.Atom)} does not hold";
            case ForAllCondition forAll:
                var counterexample = bindings.Expand(forAll.Variables, _domain, _world).First(inner => !Holds(forAll.Body, inner));
                return $"{Explain(forAll.Body, counterexample)} (for {counterexample.Describe(forAll.Variables)})";
            default:
                return $"{ConditionText.Print(condition, bindings)} does not hold";
        }
    }

    /// <summary>Every ground fact the condition can look at, whatever the state.</summary>
    public IEnumerable<GroundFact> FactsRead(Condition condition, Bindings bindings) => condition switch
    {
        AtomCondition atom => [bindings.Ground(atom.Atom)],
        NotCondition not => FactsRead(not.Operand, bindings),
        AndCondition and => and.Operands.SelectMany(operand => FactsRead(operand, bindings)),
        OrCondition or => or.Operands.SelectMany(operand => FactsRead(operand, bindings)),
        ImplyCondition imply => FactsRead(imply.Antecedent, bindings).Concat(FactsRead(imply.Consequent, bindings)),
        ExistsCondition exists => bindings.Expand(exists.Variables, _domain, _world).SelectMany(inner => FactsRead(exists.Body, inner)),
        ForAllCondition forAll => bindings.Expand(forAll.Variables, _domain, _world).SelectMany(inner => FactsRead(forAll.Body, inner)),
        TimedCondition timed => FactsRead(timed.Body, bindings),
        _ => [],
    };

    private bool Compare(ComparisonCondition comparison, Bindings bindings)
    {
        var left = Value(comparison.Left, bindings);
        var right = Value(comparison.Right, bindings);
        return comparison.Operator switch
        {
            "<" => left < right,
            "<=" => left <= right,
            "=" => left == right,
            ">=" => left >= right,
            ">" => left > right,
            _ => throw new ExecutionModelException($"{comparison.Span}: unknown comparison {comparison.Operator}"),
        };
    }

    private double Value(NumericExpr expression, Bindings bindings)
    {
        switch (expression)
        {
            case NumberExpr number:
                return number.Value;
            case FunctionExpr function:
                var arguments = function.Arguments.Select(bindings.Resolve).ToArray();
                foreach (var element in _world.StaticValues.OfType<InitNumeric>())
                {
                    if (element.Target.Function == function.Function
                        && element.Target.Arguments.Select(bindings.Resolve).SequenceEqual(arguments, StringComparer.Ordinal))
                    {
                        return element.Value;
                    }
                }

                throw new ExecutionModelException(
                    $"{function.Span}: ({function.Function} {string.Join(' ', arguments)}) has no value in the world");
            case ArithmeticExpr arithmetic:
                var values = arithmetic.Operands.Select(operand => Value(operand, bindings)).ToArray();
                return arithmetic.Operator switch
                {
                    "-" when values.Length == 1 => -values[0],
                    "+" => values.Sum(),
                    "-" => values.Skip(1).Aggregate(values[0], (total, value) => total - value),
                    "*" => values.Aggregate(1.0, (total, value) => total * value),
                    "/" => values.Skip(1).Aggregate(values[0], (total, value) => total / value),
                    _ => throw new ExecutionModelException($"{arithmetic.Span}: unknown operator {arithmetic.Operator}"),
                };
            default:
                throw new ExecutionModelException(
                    $"{expression.Span}: {expression.GetType().Name} cannot be evaluated in a live world");
        }
    }
}

/// <summary>Writes a condition with its variables replaced by their objects, for messages.</summary>
internal static class ConditionText
{
    public static string Print(Condition condition, Bindings bindings) => condition switch
    {
        AtomCondition atom => bindings.Ground(atom.Atom).Text,
        EqualsCondition equals => $"(= {bindings.Resolve(equals.Left)} {bindings.Resolve(equals.Right)})",
        NotCondition not => $"(not {Print(not.Operand, bindings)})",
        AndCondition and => Group("and", and.Operands.Select(operand => Print(operand, bindings))),
        OrCondition or => Group("or", or.Operands.Select(operand => Print(operand, bindings))),
        ImplyCondition imply => $"(imply {Print(imply.Antecedent, bindings)} {Print(imply.Consequent, bindings)})",
        ExistsCondition exists => $"(exists ({Variables(exists.Variables)}) {Print(exists.Body, bindings)})",
        ForAllCondition forAll => $"(forall ({Variables(forAll.Variables)}) {Print(forAll.Body, bindings)})",
        ComparisonCondition comparison => $"({comparison.Operator} ...)",
        TimedCondition timed => Print(timed.Body, bindings),
        _ => condition.GetType().Name,
    };

    private static string Group(string head, IEnumerable<string> parts) => $"({head} {string.Join(' ', parts)})";

    private static string Variables(Seq<TypedName> variables) =>
        string.Join(' ', variables.Select(variable => string.Create(CultureInfo.InvariantCulture, $"{variable.Name} - {variable.Type}")));
}
