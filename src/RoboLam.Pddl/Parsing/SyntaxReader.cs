using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Pddl.Generated;
using GeneratedParser = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

/// <summary>
/// Runs the ANTLR lexer and parser over one text. Parses first with fast SLL prediction and no recovery;
/// only a text that fails there (a syntax error, or the rare input SLL cannot decide) is parsed again with
/// full LL prediction and error recovery, so that every syntax error is reported.
/// </summary>
internal static class SyntaxReader
{
    /// <summary>Deeper nesting than any real PDDL; the limit keeps the recursive parser far from a stack overflow.</summary>
    public const int MaxNesting = 200;

    public static PddlResult<T> Read<T>(string text, string fileName, Func<GeneratedParser, ParserRuleContext> parse,
        Func<AstBuilder, ParserRuleContext, T> build)
        where T : class
    {
        var diagnostics = new List<Diagnostic>();
        var collector = new DiagnosticCollector(fileName, diagnostics);

        var lexer = new PddlLexer(new StringCharStream(text, fileName));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(collector);
        var tokens = new PresizedTokenStream(lexer, text.Length);
        tokens.Fill();

        if (TooDeep(tokens, fileName) is { } nesting)
        {
            diagnostics.Add(nesting);
            return new PddlResult<T>(null, diagnostics);
        }

        var parser = new GeneratedParser(tokens) { BuildParseTree = true };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        ParserRuleContext tree;
        try
        {
            tree = parse(parser);
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.AddErrorListener(collector);
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new SyntaxErrorStrategy();
            tree = parse(parser);
        }

        var builder = new AstBuilder(fileName, diagnostics, new NameTable(text), tokens.GetTokens());
        var value = build(builder, tree);
        return new PddlResult<T>(value, diagnostics);
    }

    private static Diagnostic? TooDeep(CommonTokenStream tokens, string fileName)
    {
        var depth = 0;
        foreach (var token in tokens.GetTokens())
        {
            if (token.Type == PddlLexer.LP && ++depth > MaxNesting)
            {
                return new Diagnostic(DiagnosticCodes.NestingTooDeep, Severity.Error,
                    new SourceSpan(fileName, token.Line, token.Column + 1),
                    $"parentheses nest more than {MaxNesting} deep here; check for unclosed '(' above this point");
            }

            if (token.Type == PddlLexer.RP && depth > 0)
            {
                depth--;
            }
        }

        return null;
    }
}
