using Antlr4.Runtime;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Parsing;

/// <summary>Receives the lexer's and the parser's errors and turns them into diagnostics for one file.</summary>
internal sealed class DiagnosticCollector : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    /// <summary>After this many syntax errors the rest are usually echoes of the first ones.</summary>
    private const int MaxSyntaxErrors = 100;

    private readonly string _fileName;
    private readonly List<Diagnostic> _diagnostics;
    private int _syntaxErrors;

    public DiagnosticCollector(string fileName, List<Diagnostic> diagnostics)
    {
        _fileName = fileName;
        _diagnostics = diagnostics;
    }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        var character = recognizer is Lexer lexer ? CharacterAt(lexer) : "?";
        Add(DiagnosticCodes.UnrecognisedCharacter, line, charPositionInLine,
            $"unrecognised character {character}; names start with a letter, variables with '?', comments with ';'");
    }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e) =>
        Add(DiagnosticCodes.SyntaxError, line, charPositionInLine, msg);

    private void Add(string code, int line, int charPositionInLine, string message)
    {
        _syntaxErrors++;
        if (_syntaxErrors == MaxSyntaxErrors + 1)
        {
            message = $"more than {MaxSyntaxErrors} syntax errors; fix the first ones and check again";
        }
        else if (_syntaxErrors > MaxSyntaxErrors)
        {
            return;
        }

        _diagnostics.Add(new Diagnostic(code, Severity.Error, new SourceSpan(_fileName, line, charPositionInLine + 1), message));
    }

    private static string CharacterAt(Lexer lexer)
    {
        var start = lexer.TokenStartCharIndex;
        if (start < 0 || start >= lexer.InputStream.Size)
        {
            return "at the end of the file";
        }

        var character = ((ICharStream)lexer.InputStream).GetText(Antlr4.Runtime.Misc.Interval.Of(start, start));
        return character switch
        {
            "'" => "\"'\"",
            "\t" or "\r" or "\n" => "(a control character)",
            _ => $"'{character}'",
        };
    }
}
