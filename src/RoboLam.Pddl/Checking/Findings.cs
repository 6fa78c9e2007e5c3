using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>The diagnostics of one check, in the order found.</summary>
internal sealed class Findings
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> All => _diagnostics;

    public void Error(string code, SourceSpan span, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Error, span, message));

    public void Warning(string code, SourceSpan span, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Warning, span, message));

    public void Add(string code, Severity severity, SourceSpan span, string message) =>
        _diagnostics.Add(new Diagnostic(code, severity, span, message));
}
