using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

internal static class SourceText
{
    /// <summary><c>file(line,col): </c> in front of a task error, when the node came from a file.</summary>
    public static string Where(SourceSpan span) =>
        string.IsNullOrEmpty(span.File) ? string.Empty : $"{span.File}({span.Line},{span.Column}): ";

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
