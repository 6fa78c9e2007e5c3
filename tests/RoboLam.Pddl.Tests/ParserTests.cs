using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Tests;

public sealed class ParserTests
{
    private const string Blocks = """
        (define (domain BLOCKS)
          (:requirements :strips :typing)
          (:types block - object)
          (:predicates (on ?x - block ?y - block) (clear ?x - block))
          (:action stack
            :parameters (?x ?y - block)
            :precondition (and (clear ?y) (not (= ?x ?y)))
            :effect (and (on ?x ?y) (not (clear ?y)))))
        """;

    [Fact]
    public void A_strips_domain_becomes_lower_cased_records_with_grouped_parameters()
    {
        var result = PddlParser.ParseDomain(Blocks, "blocks.pddl");

        Assert.Empty(result.Diagnostics);
        var domain = Assert.IsType<Domain>(result.Value);
        Assert.Equal("blocks", domain.Name);
        Assert.Equal([":strips", ":typing"], domain.Requirements);
        Assert.Equal(new TypeDecl("block", TypeRef.Object, default), Assert.Single(domain.Types));
        var stack = Assert.Single(domain.Actions);
        Assert.Equal([new TypedName("?x", TypeRef.Of("block"), default), new TypedName("?y", TypeRef.Of("block"), default)], stack.Parameters);
        var precondition = Assert.IsType<AndCondition>(stack.Precondition);
        var notEqual = Assert.IsType<NotCondition>(precondition.Operands[1]);
        Assert.Equal(new EqualsCondition(new VariableTerm("?x", default), new VariableTerm("?y", default), default), notEqual.Operand);
        var effect = Assert.IsType<AndEffect>(stack.Effect);
        Assert.True(Assert.IsType<AtomEffect>(effect.Effects[1]).IsDelete);
    }

    [Fact]
    public void Spans_give_the_one_based_line_and_column_of_each_node()
    {
        var domain = PddlParser.ParseDomain(Blocks, "blocks.pddl").Value!;

        var stack = domain.Actions[0];
        Assert.Equal(("blocks.pddl", 5, 3), (stack.Span.File, stack.Span.Line, stack.Span.Column));
        var clear = ((AndCondition)stack.Precondition!).Operands[0];
        Assert.Equal((7, 24), (clear.Span.Line, clear.Span.Column));
    }

    [Fact]
    public void Numeric_durative_and_derived_constructs_are_read()
    {
        const string text = """
            (define (domain d)
              (:requirements :durative-actions :numeric-fluents :derived-predicates :object-fluents)
              (:types truck place)
              (:predicates (at ?t - truck ?p - place) (near ?p ?q - place))
              (:functions (fuel ?t - truck) - number (location ?t - truck) - place (total-cost))
              (:derived (near ?p ?q - place) (exists (?t - truck) (and (at ?t ?p) (at ?t ?q))))
              (:durative-action drive
                :parameters (?t - truck ?from ?to - place)
                :duration (and (>= ?duration 2) (<= ?duration (* 2 (fuel ?t))))
                :condition (and (at start (at ?t ?from)) (over all (> (fuel ?t) 0)))
                :effect (and (at end (at ?t ?to)) (at start (not (at ?t ?from)))
                             (at end (decrease (fuel ?t) (* #t 1.5))) (at end (assign (location ?t) ?to))
                             (at end (increase total-cost -3)))))
            """;

        var result = PddlParser.ParseDomain(text, "d.pddl");

        Assert.Empty(result.Diagnostics);
        var domain = result.Value!;
        Assert.Equal(TypeRef.Of("place"), domain.Functions[1].ResultType);
        Assert.True(domain.Functions[0].IsNumeric);
        Assert.IsType<ExistsCondition>(Assert.Single(domain.DerivedPredicates).Body);
        var drive = Assert.Single(domain.DurativeActions);
        var duration = Assert.IsType<AndCondition>(drive.Duration);
        Assert.IsType<DurationVariableExpr>(Assert.IsType<ComparisonCondition>(duration.Operands[0]).Left);
        var effects = Assert.IsType<AndEffect>(drive.Effect).Effects;
        var decrease = Assert.IsType<NumericEffect>(Assert.IsType<TimedEffect>(effects[2]).Body);
        Assert.IsType<TimeVariableExpr>(Assert.IsType<ArithmeticExpr>(decrease.Value).Operands[0]);
        Assert.IsType<ObjectAssignEffect>(Assert.IsType<TimedEffect>(effects[3]).Body);
        var increase = Assert.IsType<NumericEffect>(Assert.IsType<TimedEffect>(effects[4]).Body);
        Assert.Equal(new NumberExpr(-3, default), increase.Value);
    }

    [Fact]
    public void A_problem_with_numbers_timed_literals_preferences_and_a_metric_is_read()
    {
        const string text = """
            ; a comment
            (define (problem P1) (:domain D)
              (:objects a b - block t1 - truck)
              (:init (on a b) (= (fuel t1) 10.5) (= (location t1) b) (at 5 (clear a)) (not (clear b)))
              (:goal (and (on b a) (preference p1 (clear a))))
              (:constraints (and (always (clear a)) (within 10 (on a b)) (at end (clear b)) (hold-during 1 2 (clear a))))
              (:metric minimize (+ (total-time) (* 2 (is-violated p1)))))
            """;

        var result = PddlParser.ParseProblem(text, "p.pddl");

        Assert.Empty(result.Diagnostics);
        var problem = result.Value!;
        Assert.Equal(("p1", "d"), (problem.Name, problem.DomainName));
        Assert.Equal(3, problem.Objects.Count);
        Assert.IsType<InitNumeric>(problem.Init[1]);
        Assert.Equal(new InitObject(new FunctionTerm("location", [new NameTerm("t1", default)], default), "b", default), problem.Init[2]);
        Assert.Equal(5, Assert.IsType<TimedInit>(problem.Init[3]).Time);
        Assert.True(Assert.IsType<InitAtom>(problem.Init[4]).IsNegated);
        var constraints = Assert.IsType<AndCondition>(problem.Constraints).Operands.Cast<ConstraintCondition>().ToList();
        Assert.Equal(["always", "within", "at end", "hold-during"], constraints.Select(c => c.Operator));
        Assert.Equal([1.0, 2.0], constraints[3].Numbers);
        Assert.True(problem.Metric!.Minimize);
    }

    [Fact]
    public void A_syntax_error_names_the_place_and_what_was_expected_and_later_errors_are_still_found()
    {
        const string text = """
            (define (domain d)
              (:predicates (p ?x))
              (:action a :parameters (?x) :precondition (and (p ?x) :effect (p ?x))
              (:action b :parameters (?x) :precondition (p ?x)) :effect (p ?x)))
            """;

        var result = PddlParser.ParseDomain(text, "d.pddl");

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, diagnostic => Assert.Equal(DiagnosticCodes.SyntaxError, diagnostic.Code));
        Assert.True(result.Diagnostics.Count >= 2, string.Join("\n", result.Diagnostics));
        var first = result.Diagnostics[0];
        Assert.Equal((3, 57), (first.Span.Line, first.Span.Column));
        Assert.Equal("expected ')' before ':effect'", first.Message);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Span.Line == 4);
    }

    [Fact]
    public void A_repeated_init_section_is_reported_and_its_facts_are_kept()
    {
        const string text = "(define (problem p) (:domain d) (:init (a) (b)) (:init (c)) (:goal (a)))";

        var result = PddlParser.ParseProblem(text, "p.pddl");

        Assert.Equal((DiagnosticCodes.RepeatedSection, 1, 49), (result.Diagnostics[0].Code, result.Diagnostics[0].Span.Line, result.Diagnostics[0].Span.Column));
        Assert.Equal(["a", "b", "c"], result.Value!.Init.Cast<InitAtom>().Select(fact => fact.Atom.Predicate));
    }

    [Fact]
    public void An_unreadable_file_is_a_diagnostic_not_an_exception()
    {
        var result = PddlParser.LoadDomain("/nonexistent/domain.pddl");

        Assert.Null(result.Value);
        Assert.Equal(DiagnosticCodes.UnreadableFile, Assert.Single(result.Diagnostics).Code);
    }
}
