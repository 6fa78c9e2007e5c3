using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>
/// Checks conditions, effects, terms and numeric expressions against the declarations: names, arities,
/// argument types, the requirement each construct needs, and whether the construct is allowed where it stands.
/// Split by topic over the FormulaChecker.*.cs files.
/// </summary>
internal sealed partial class FormulaChecker
{
    private const string TotalCost = "total-cost";
    private const string TotalTime = "total-time";

    private readonly Symbols _symbols;
    private readonly TypeHierarchy _types;
    private readonly Requirements _requirements;
    private readonly Findings _findings;

    public FormulaChecker(Symbols symbols, TypeHierarchy types, Requirements requirements, Findings findings)
    {
        _symbols = symbols;
        _types = types;
        _requirements = requirements;
        _findings = findings;
    }

    /// <summary>
    /// Checks a list of typed names (parameters, quantified variables, constants, objects): declared types,
    /// no name twice, and :typing when a type other than object is used. A repeated parameter name is only a
    /// warning in a predicate or function declaration, where nothing binds it (logistics writes (in ?obj ?obj)).
    /// </summary>
    public void CheckTypedNames(Seq<TypedName> names, string owner, Severity repeatedName = Severity.Error)
    {
        var seen = new Dictionary<string, TypedName>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (seen.TryGetValue(name.Name, out var first))
            {
                _findings.Add(DiagnosticCodes.Duplicate, repeatedName, name.Span,
                    $"'{name.Name}' appears twice in {owner} (first at {first.Span}); rename one of them");
            }
            else
            {
                seen.Add(name.Name, name);
            }

            CheckType(name.Type, name.Span);
        }
    }

    public void CheckType(TypeRef type, SourceSpan span)
    {
        if (type.Alternatives is [TypeHierarchy.ObjectType])
        {
            return;
        }

        _requirements.Require(span, "a typed name", ":typing");
        if (type.IsEither)
        {
            _requirements.Require(span, "'either' in a type", ":typing");
        }

        foreach (var alternative in type.Alternatives)
        {
            if (!_types.IsDeclared(alternative) && _symbols.Predicates.TryGetValue(alternative, out var predicate) && predicate.Parameters.Count == 1)
            {
                // The IPC 2000 ADL domains type variables by unary predicates; planners that accept it treat them alike.
                _findings.Warning(DiagnosticCodes.UndeclaredType, span,
                    $"type '{alternative}' is not declared but names a one-argument predicate, which only some planners accept as a type; declare '{alternative}' in (:types ...)");
            }
            else if (!_types.IsDeclared(alternative))
            {
                _findings.Error(DiagnosticCodes.UndeclaredType, span,
                    $"type '{alternative}' is not declared; add it to (:types ...){Suggest(alternative, _types.Names)}");
            }
        }
    }

    /// <summary>Checks the arguments of a predicate or function against its parameters: count and types.</summary>
    private void CheckArguments(string kind, string name, Seq<TypedName> parameters, SourceSpan declaredAt, Seq<Term> arguments,
        SourceSpan span, Scope scope, Place place)
    {
        var types = new TypeRef?[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            types[i] = TermType(arguments[i], scope, place);
        }

        if (arguments.Count != parameters.Count)
        {
            _findings.Error(DiagnosticCodes.WrongArity, span,
                $"{kind} '{name}' takes {Count(parameters.Count, "argument")} (declared at {declaredAt}) but is given {arguments.Count}");
            return;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (types[i] is { } actual && _types.IsDeclaredAll(actual) && _types.IsDeclaredAll(parameters[i].Type)
                && !_types.Fits(actual, parameters[i].Type))
            {
                _findings.Error(DiagnosticCodes.WrongArgumentType, arguments[i].Span,
                    $"argument {i + 1} of {kind} '{name}' is '{Show(arguments[i])}' of type {actual}, but {parameters[i].Name} expects {parameters[i].Type}");
            }
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Show(Term term) => term switch
    {
        VariableTerm variable => variable.Name,
        NameTerm name => name.Name,
        FunctionTerm function => $"({function.Function}{string.Concat(function.Arguments.Select(argument => " " + Show(argument)))})",
        _ => "?",
    };

    private static string Suggest(string name, IEnumerable<string> declared) => NearMiss.Suggest(name, declared);
}
