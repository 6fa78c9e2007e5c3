using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// ANTLR's recovery with two PDDL-specific changes. Recovery is parenthesis-aware: a form that fails is skipped up
/// to its own closing ')', so that the next section, action or condition is read normally and its errors are
/// reported too. Messages speak PDDL: "expected ')' but found ':effect'", with a "did you mean" for misspelled keywords.
/// </summary>
internal sealed class SyntaxErrorStrategy : DefaultErrorStrategy
{
    /// <summary>Above this many alternatives a list of tokens says less than a description of the rule.</summary>
    private const int MaxListedTokens = 8;

    /// <summary>
    /// Inside a list (a loop that a ')' ends), an unexpected word or form is reported once and skipped whole, up to
    /// the next thing the list accepts or its ')': a misspelled :precondtion loses its own form, not the rest of the action.
    /// </summary>
    public override void Sync(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        var tokens = (ITokenStream)recognizer.InputStream;
        var state = recognizer.Interpreter.atn.states[recognizer.State];
        var next = recognizer.Atn.NextTokens(state);
        var isListLoop = state.StateType is StateType.StarLoopEntry or StateType.StarLoopBack or StateType.PlusLoopBack
            && next.Contains(Syntax.RP);
        if (!isListLoop || next.Contains(tokens.LA(1)) || next.Contains(TokenConstants.EPSILON))
        {
            base.Sync(recognizer);
            return;
        }

        if (FitsAfterClosingList(recognizer, state, tokens.LA(1)))
        {
            // A ')' is missing, as in (and (p) :effect ...): leave the token; matching ')' reports and inserts it.
            return;
        }

        ReportUnwantedToken(recognizer);
        while (tokens.LA(1) != TokenConstants.EOF && tokens.LA(1) != Syntax.RP && !next.Contains(tokens.LA(1)))
        {
            SkipForm(recognizer, tokens);
        }
    }

    /// <summary>Whether the token could follow once the list this loop reads were closed by a ')'.</summary>
    private static bool FitsAfterClosingList(Parser recognizer, ATNState loopState, int tokenType)
    {
        if (tokenType == Syntax.LP)
        {
            return false;
        }

        var loopEnd = FindLoopEnd(loopState) ?? (loopState.NumberOfTransitions > 0 ? FindLoopEnd(loopState.Transition(0).target) : null);
        if (loopEnd is null || loopEnd.NumberOfTransitions == 0)
        {
            return false;
        }

        var closeState = loopEnd.Transition(0).target;
        if (closeState.NumberOfTransitions == 0 || closeState.Transition(0) is not AtomTransition close || !close.Label.Contains(Syntax.RP))
        {
            return false;
        }

        return recognizer.Atn.NextTokens(close.target, recognizer.Context).Contains(tokenType);
    }

    private static LoopEndState? FindLoopEnd(ATNState state)
    {
        for (var i = 0; i < state.NumberOfTransitions; i++)
        {
            if (state.Transition(i).target is LoopEndState loopEnd)
            {
                return loopEnd;
            }
        }

        return null;
    }

    /// <summary>Consumes one word, or one whole parenthesised form.</summary>
    private static void SkipForm(Parser recognizer, ITokenStream tokens)
    {
        var depth = 0;
        do
        {
            depth += Nesting(tokens.LA(1));
            recognizer.Consume();
        }
        while (depth > 0 && tokens.LA(1) != TokenConstants.EOF);
    }

    public override void Recover(Parser recognizer, RecognitionException e)
    {
        if (SkipFailedForm(recognizer))
        {
            return;
        }

        base.Recover(recognizer, e);
    }

    /// <summary>
    /// When the failing rule opened a '(' (a section, an action, a condition...), consumes everything up to and
    /// including the ')' that closes it; the rule then ends and its parent goes on with what follows.
    /// </summary>
    private static bool SkipFailedForm(Parser recognizer)
    {
        var start = recognizer.Context?.Start;
        var tokens = (ITokenStream)recognizer.InputStream;
        if (start is null || start.Type != Syntax.LP || start.TokenIndex < 0 || start.TokenIndex > tokens.Index)
        {
            return false;
        }

        var depth = 0;
        for (var i = start.TokenIndex; i < tokens.Index; i++)
        {
            depth += Nesting(tokens.Get(i).Type);
        }

        if (depth <= 0 && !(tokens.Index == start.TokenIndex && tokens.LA(1) == Syntax.LP))
        {
            return false;
        }

        while (tokens.LA(1) != TokenConstants.EOF)
        {
            var type = tokens.LA(1);
            recognizer.Consume();
            depth += Nesting(type);
            if (depth <= 0)
            {
                break;
            }
        }

        return true;
    }

    private static int Nesting(int tokenType) => tokenType switch
    {
        Syntax.LP => 1,
        Syntax.RP => -1,
        _ => 0,
    };

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        var found = e.OffendingToken;
        recognizer.NotifyErrorListeners(found, $"expected {Describe(recognizer.Context)} but found {Show(found)}", e);
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
    {
        var found = e.OffendingToken;
        recognizer.NotifyErrorListeners(found, Mismatch(recognizer, e.GetExpectedTokens(), found), e);
    }

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var found = recognizer.CurrentToken;
        recognizer.NotifyErrorListeners(found, "unexpected " + Mismatch(recognizer, GetExpectedTokens(recognizer), found, unexpected: true), null);
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

    /// <summary>"expected X but found Y", or "unexpected Y: expected X"; text after the closing ')' of the file gets its own advice.</summary>
    private static string Mismatch(Parser recognizer, IntervalSet? expected, IToken found, bool unexpected = false)
    {
        if (expected is not null && expected.Count == 1 && expected.Contains(TokenConstants.EOF))
        {
            var tokens = (ITokenStream)recognizer.InputStream;
            var closing = found.TokenIndex > 0 ? tokens.Get(found.TokenIndex - 1) : null;
            var where = closing is null ? string.Empty : $" by the ')' at line {closing.Line}, column {closing.Column + 1}";
            return $"{Show(found)} after the end: the definition is already closed{where}; remove an extra ')' before it";
        }

        var hint = found.Type == Syntax.KEYWORD && expected is not null
            ? NearMiss.Suggest(found.Text.ToLowerInvariant(), expected.ToList().Select(TokenNames.Describe).Select(name => name.Trim('\'')))
            : string.Empty;
        return unexpected
            ? $"{Show(found)}: expected {Expected(recognizer, expected)}{hint}"
            : $"expected {Expected(recognizer, expected)} but found {Show(found)}{hint}";
    }

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
