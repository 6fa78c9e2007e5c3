using RoboLam.Pddl.Ast;

namespace RoboLam.Pddl.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding about a PDDL file, with a stable code and a sentence a person can act on.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message)
{
    /// <summary>Compiler format: <c>file(line,col): error PDDL012: message</c>.</summary>
    public override string ToString() =>
        $"{Span.File}({Span.Line},{Span.Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
