using System.Globalization;
using System.Text;
using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>
/// Writes a condition back as PDDL for a message, with bound variables replaced by their objects,
/// so a person reads <c>(clear b3)</c> rather than <c>(clear ?x)</c>.
/// </summary>
internal sealed class ConditionPrinter
{
    private readonly IReadOnlyDictionary<string, string> _bindings;
    private readonly StringBuilder _text = new();

    private ConditionPrinter(IReadOnlyDictionary<string, string> bindings)
    {
        _bindings = bindings;
    }

    public static string Print(Condition condition, IReadOnlyDictionary<string, string> bindings)
    {
        var printer = new ConditionPrinter(bindings);
        printer.Write(condition);
        return printer._text.ToString();
    }

    public static string Print(NumericExpr expression, IReadOnlyDictionary<string, string> bindings)
    {
        var printer = new ConditionPrinter(bindings);
        printer.Write(expression);
        return printer._text.ToString();
    }

    private void Write(Condition condition)
    {
        switch (condition)
        {
            case AtomCondition atom:
                WriteApplication(atom.Atom.Predicate, atom.Atom.Arguments);
                break;
            case EqualsCondition equals:
                _text.Append("(= ");
                Write(equals.Left);
                _text.Append(' ');
                Write(equals.Right);
                _text.Append(')');
                break;
            case NotCondition negation:
                WriteList("not", [negation.Operand]);
                break;
            case AndCondition conjunction:
                WriteList("and", conjunction.Operands);
                break;
            case OrCondition disjunction:
                WriteList("or", disjunction.Operands);
                break;
            case ImplyCondition imply:
                WriteList("imply", [imply.Antecedent, imply.Consequent]);
                break;
            case ExistsCondition exists:
                WriteQuantifier("exists", exists.Variables, exists.Body);
                break;
            case ForAllCondition forAll:
                WriteQuantifier("forall", forAll.Variables, forAll.Body);
                break;
            case ComparisonCondition comparison:
                _text.Append('(').Append(comparison.Operator).Append(' ');
                Write(comparison.Left);
                _text.Append(' ');
                Write(comparison.Right);
                _text.Append(')');
                break;
            case ConstraintCondition constraint:
                _text.Append('(').Append(constraint.Operator);
                foreach (var number in constraint.Numbers)
                {
                    _text.Append(' ').Append(number.ToString(CultureInfo.InvariantCulture));
                }

                foreach (var operand in constraint.Operands)
                {
                    _text.Append(' ');
                    Write(operand);
                }

                _text.Append(')');
                break;
            default:
                _text.Append('(').Append(condition.GetType().Name).Append(')');
                break;
        }
    }

    private void WriteList(string keyword, IEnumerable<Condition> operands)
    {
        _text.Append('(').Append(keyword);
        foreach (var operand in operands)
        {
            _text.Append(' ');
            Write(operand);
        }

        _text.Append(')');
    }

    private void WriteQuantifier(string keyword, Seq<TypedName> variables, Condition body)
    {
        _text.Append('(').Append(keyword).Append(" (");
        for (var index = 0; index < variables.Count; index++)
        {
            if (index > 0)
            {
                _text.Append(' ');
            }

            _text.Append(variables[index].Name).Append(" - ").Append(variables[index].Type);
        }

        _text.Append(") ");
        Write(body);
        _text.Append(')');
    }

    private void WriteApplication(string name, Seq<Term> arguments)
    {
        _text.Append('(').Append(name);
        foreach (var argument in arguments)
        {
            _text.Append(' ');
            Write(argument);
        }

        _text.Append(')');
    }

    private void Write(Term term)
    {
        switch (term)
        {
            case VariableTerm variable:
                _text.Append(_bindings.TryGetValue(variable.Name, out var value) ? value : variable.Name);
                break;
            case NameTerm name:
                _text.Append(name.Name);
                break;
            case FunctionTerm function:
                WriteApplication(function.Function, function.Arguments);
                break;
            default:
                break;
        }
    }

    private void Write(NumericExpr expression)
    {
        switch (expression)
        {
            case NumberExpr number:
                _text.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FunctionExpr function:
                WriteApplication(function.Function, function.Arguments);
                break;
            case ArithmeticExpr arithmetic:
                _text.Append('(').Append(arithmetic.Operator);
                foreach (var operand in arithmetic.Operands)
                {
                    _text.Append(' ');
                    Write(operand);
                }

                _text.Append(')');
                break;
            default:
                _text.Append(expression.GetType().Name);
                break;
        }
    }
}
