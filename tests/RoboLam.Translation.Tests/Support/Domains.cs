using RoboLam.Pddl.Ast;
using static RoboLam.Translation.Tests.Support.PddlSyntax;

namespace RoboLam.Translation.Tests.Support;

/// <summary>Small domains shared by several tests.</summary>
internal static class Domains
{
    public static Domain Blocks() => Domain(
        "block",
        Predicates("on ?x ?y - block", "ontable ?x - block", "clear ?x - block", "handempty", "holding ?x - block"),
        [
            Action(
                "pick-up",
                "?x - block",
                And(A("clear", "?x"), A("ontable", "?x"), A("handempty")),
                Effects(Del("ontable", "?x"), Del("clear", "?x"), Del("handempty"), Add("holding", "?x"))),
            Action(
                "put-down",
                "?x - block",
                A("holding", "?x"),
                Effects(Del("holding", "?x"), Add("clear", "?x"), Add("handempty"), Add("ontable", "?x"))),
            Action(
                "stack",
                "?x ?y - block",
                And(A("holding", "?x"), A("clear", "?y")),
                Effects(Del("holding", "?x"), Del("clear", "?y"), Add("clear", "?x"), Add("handempty"), Add("on", "?x", "?y"))),
            Action(
                "unstack",
                "?x ?y - block",
                And(A("on", "?x", "?y"), A("clear", "?x"), A("handempty")),
                Effects(Add("holding", "?x"), Add("clear", "?y"), Del("clear", "?x"), Del("handempty"), Del("on", "?x", "?y"))),
        ]);

    /// <summary>Three blocks on the table; the goal is the tower a on b on c.</summary>
    public static Problem BlocksTower() => Problem(
        "a b c - block",
        [
            Atom("ontable", "a"), Atom("ontable", "b"), Atom("ontable", "c"),
            Atom("clear", "a"), Atom("clear", "b"), Atom("clear", "c"), Atom("handempty"),
        ],
        And(A("on", "a", "b"), A("on", "b", "c")));
}
