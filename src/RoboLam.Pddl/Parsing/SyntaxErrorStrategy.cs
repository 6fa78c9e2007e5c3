using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// ANTLR's recovery (single-token insertion and deletion, then resynchronisation) with messages in
/// PDDL terms: "expected ')' but found ':effect'", or "expected a condition ..." when many tokens would do.
/// </summary>
internal sealed class SyntaxErrorStrategy : DefaultErrorStrategy
{
    /// <summary>Above this many alternatives a list of tokens says less than a description of the rule.</summary>
    private const int MaxListedTokens = 5;

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        var found = e.OffendingToken;
        recognizer.NotifyErrorListeners(found, $"expected {Describe(recognizer.Context)} but found {Show(found)}", e);
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
    {
        var found = e.OffendingToken;
        recognizer.NotifyErrorListeners(found, $"expected {Expected(recognizer, e.GetExpectedTokens())} but found {Show(found)}", e);
    }

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var found = recognizer.CurrentToken;
        recognizer.NotifyErrorListeners(found, $"unexpected {Show(found)}: expected {Expected(recognizer, GetExpectedTokens(recognizer))}", null);
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var found = recognizer.CurrentToken;
        recognizer.NotifyErrorListeners(found, $"expected {Expected(recognizer, GetExpectedTokens(recognizer))} before {Show(found)}", null);
    }

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        recognizer.NotifyErrorListeners(e.OffendingToken, $"unexpected {Show(e.OffendingToken)}", e);

    private static string Expected(Parser recognizer, IntervalSet? expected)
    {
        if (expected is null || expected.Count == 0 || expected.Count > MaxListedTokens)
        {
            return Describe(recognizer.Context);
        }

        var names = expected.ToList().Select(type => TokenNames.Describe(type)).ToList();
        return names.Count == 1 ? names[0] : "one of " + string.Join(", ", names);
    }

    /// <summary>What the rule being parsed is for, in words a PDDL author knows.</summary>
    private static string Describe(ParserRuleContext? context) => context?.RuleIndex switch
    {
        Syntax.RULE_domainFile => "a domain: (define (domain NAME) ...)",
        Syntax.RULE_problemFile => "a problem: (define (problem NAME) (:domain NAME) ...)",
        Syntax.RULE_domainItem => "a domain section: (:requirements ...), (:types ...), (:constants ...), (:predicates ...), "
            + "(:functions ...), (:constraints ...), (:action ...), (:durative-action ...) or (:derived ...)",
        Syntax.RULE_problemItem => "a problem section: (:domain ...), (:requirements ...), (:objects ...), (:init ...), "
            + "(:goal ...), (:constraints ...) or (:metric ...)",
        Syntax.RULE_requirementKey => "a requirement such as :strips or :typing",
        Syntax.RULE_typedItem => "a name, a ?variable or '- type'",
        Syntax.RULE_typeRef => "a type name or (either TYPE...)",
        Syntax.RULE_predicateSkeleton => "a declaration (NAME ?parameter - type ...)",
        Syntax.RULE_functionItem => "a function declaration (NAME ?parameter - type ...) or '- number'",
        Syntax.RULE_actionItem => "an action part: :parameters, :precondition, :condition, :duration or :effect",
        Syntax.RULE_goalDescription => "a condition: (and ...), (or ...), (not ...), (imply ...), (exists ...), (forall ...), "
            + "a comparison (< a b) or an atom (PREDICATE ARGUMENTS)",
        Syntax.RULE_comparison => "a comparison operator: =, <, <=, > or >=",
        Syntax.RULE_term => "a name, a ?variable or (FUNCTION ARGUMENTS)",
        Syntax.RULE_numericExpr => "a numeric expression: a number, (FUNCTION ARGUMENTS) or (+ a b), (- a b), (* a b), (/ a b)",
        Syntax.RULE_number => "a number",
        Syntax.RULE_effect => "an effect: (and ...), (not ATOM), (forall ...), (when ...), (increase ...), (decrease ...), "
            + "(assign ...) or an atom (PREDICATE ARGUMENTS)",
        Syntax.RULE_initElement => "an initial fact: (PREDICATE ARGUMENTS), (not ...), (= (FUNCTION ARGUMENTS) VALUE) or (at TIME FACT)",
        Syntax.RULE_initValue => "a number or an object name",
        Syntax.RULE_name => "a name",
        _ => "something else",
    };

    private static string Show(IToken? token) => token is null ? "nothing" : TokenNames.Show(token);
}
