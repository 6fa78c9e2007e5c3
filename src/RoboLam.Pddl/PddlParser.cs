using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Pddl.Parsing;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl;

/// <summary>
/// Reads PDDL domains and problems into the AST. Never throws on bad input: syntax errors, and files that
/// cannot be read, come back as diagnostics; the value is then partial or null.
/// </summary>
public static class PddlParser
{
    public static PddlResult<Domain> ParseDomain(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return SyntaxReader.Read(text, fileName, parser => parser.domainFile(),
            (builder, tree) => builder.BuildDomain((Syntax.DomainFileContext)tree));
    }

    public static PddlResult<Problem> ParseProblem(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return SyntaxReader.Read(text, fileName, parser => parser.problemFile(),
            (builder, tree) => builder.BuildProblem((Syntax.ProblemFileContext)tree));
    }

    public static PddlResult<Domain> LoadDomain(string path) =>
        Load(path, ParseDomain);

    public static PddlResult<Problem> LoadProblem(string path) =>
        Load(path, ParseProblem);

    private static PddlResult<T> Load<T>(string path, Func<string, string, PddlResult<T>> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException or System.Security.SecurityException)
        {
            var diagnostic = new Diagnostic(DiagnosticCodes.UnreadableFile, Severity.Error, new SourceSpan(path, 1, 1),
                $"cannot read the file: {exception.Message}");
            return new PddlResult<T>(default, [diagnostic]);
        }

        return parse(text, path);
    }
}
