using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// Turns ANTLR's parse tree into the immutable AST. The tree may be partial after syntax errors: every
/// child can be missing, and the builder then leaves the node out instead of failing. Split by topic over
/// the AstBuilder.*.cs files.
/// </summary>
internal sealed partial class AstBuilder
{
    private readonly string _fileName;
    private readonly List<Diagnostic> _diagnostics;
    private readonly NameTable _names;

    /// <summary>Object-valued functions of the domain being built: their assignments and equalities are on objects.</summary>
    private readonly HashSet<string> _objectFunctions = new(StringComparer.Ordinal);

    /// <summary>All tokens of the text: the lean contexts (LeanParseTree.cs) keep none of theirs.</summary>
    private readonly IList<IToken> _tokens;

    public AstBuilder(string fileName, List<Diagnostic> diagnostics, NameTable names, IList<IToken> tokens)
    {
        _fileName = fileName;
        _diagnostics = diagnostics;
        _names = names;
        _tokens = tokens;
    }

    private enum ListKind
    {
        Names,
        Variables,
    }

    private void Report(string code, SourceSpan span, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Error, span, message));

    private SourceSpan At(ParserRuleContext context) => At(context.Start);

    private SourceSpan At(IToken token) => new(_fileName, token.Line, token.Column + 1);

    /// <summary>The lower-cased name, or null where error recovery left the rule without its token.</summary>
    private string? Name(Syntax.NameContext? context) => context is null ? null : SingleToken(context);

    /// <summary>
    /// The one token of a lean context (a name, a variable), read from its Start; null when the rule failed or
    /// recovery added an error node to it.
    /// </summary>
    private string? SingleToken(ParserRuleContext context) =>
        context.exception is null && context.ChildCount == 0 && context.Start is { TokenIndex: >= 0 } token
            && context.Stop?.TokenIndex == token.TokenIndex
            ? _names.Get(token)
            : null;

    /// <summary>Whether a lean form such as (p a b) was read whole: no failure, no error node, closed by its ')'.</summary>
    private static bool IsWhole(ParserRuleContext context) =>
        context.exception is null && context.ChildCount == 0 && context.Start is { TokenIndex: >= 0 } start
        && context.Stop is { Type: Syntax.RP } stop && stop.TokenIndex > start.TokenIndex;

    /// <summary>A name token matched directly by the grammar (hot paths skip the 'name' rule).</summary>
    private string? Word(IToken? token) =>
        token is null || token.TokenIndex < 0 ? null : _names.Get(token);


    private static double? Number(Syntax.NumberContext? context)
    {
        var digits = context?.NUMBER();
        if (digits is null or IErrorNode
            || !double.TryParse(digits.Symbol.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return context!.MINUS() is null ? value : -value;
    }

    private TypeRef? Type(Syntax.TypeRefContext? context)
    {
        switch (context)
        {
            case Syntax.PrimitiveTypeContext primitive:
                return Name(primitive.name()) is { } typeName ? TypeRef.Of(typeName) : null;
            case Syntax.EitherTypeContext either:
                var alternatives = new List<string>();
                foreach (var alternative in either.name())
                {
                    if (Name(alternative) is { } alternativeName)
                    {
                        alternatives.Add(alternativeName);
                    }
                }

                return alternatives.Count == 0 ? null : new TypeRef(alternatives.ToSeq());
            default:
                return null;
        }
    }

    /// <summary>
    /// Groups a flat typed list ("a b - t c") into typed names; names without a type are objects.
    /// Parameters and quantified variables must be ?variables, constants, objects and types plain names.
    /// </summary>
    private Seq<TypedName> TypedList(Syntax.TypedItemContext[] items, ListKind kind)
    {
        if (items.Length == 0)
        {
            return Seq<TypedName>.Empty;
        }

        var result = new List<TypedName>(items.Length);
        var untypedFrom = 0;
        var rejectedSinceType = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case Syntax.TypedNameContext named when Word(named.word) is { } name:
                    if (kind == ListKind.Variables)
                    {
                        Report(DiagnosticCodes.MalformedTypedList, At(named),
                            $"'{name}' must be a variable here: write '?{name}'");
                        rejectedSinceType++;
                    }
                    else
                    {
                        result.Add(new TypedName(name, TypeRef.Object, At(named)));
                    }

                    break;
                case Syntax.TypedVariableContext variable when SingleToken(variable) is { } name:
                    if (kind == ListKind.Names)
                    {
                        Report(DiagnosticCodes.MalformedTypedList, At(variable),
                            $"'{name}' is a variable, but a plain name is expected here: write '{name[1..]}'");
                        rejectedSinceType++;
                    }
                    else
                    {
                        result.Add(new TypedName(name, TypeRef.Object, At(variable)));
                    }

                    break;
                case Syntax.TypedParentContext parent:
                    var type = Type(parent.typeRef());
                    if (untypedFrom == result.Count && rejectedSinceType == 0)
                    {
                        Report(DiagnosticCodes.MalformedTypedList, At(parent),
                            "'- TYPE' has no names before it; write the names first, as in 'a b - TYPE'");
                    }
                    else if (type is not null)
                    {
                        for (var i = untypedFrom; i < result.Count; i++)
                        {
                            result[i] = result[i] with { Type = type };
                        }
                    }

                    untypedFrom = result.Count;
                    rejectedSinceType = 0;
                    break;
            }
        }

        return result.ToSeq();
    }
}
