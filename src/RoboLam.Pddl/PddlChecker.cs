using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Checking;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl;

/// <summary>
/// The semantic check of a parsed domain, and of a problem against it. Collects every finding (it does not stop
/// at the first) and returns them ordered by file, line and column. Codes are listed in README.md.
/// </summary>
public static class PddlChecker
{
    public static IReadOnlyList<Diagnostic> Check(Domain domain, Problem? problem = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var findings = new Findings();
        var requirements = problem is null
            ? new Requirements(findings, domain.Requirements)
            : new Requirements(findings, domain.Requirements, problem.Requirements);
        var types = new TypeHierarchy(domain.Types, findings);
        var symbols = new Symbols();

        var domainChecker = new DomainChecker(domain, symbols, types, requirements, findings);
        domainChecker.Check();
        if (problem is not null)
        {
            new ProblemChecker(domain, problem, symbols, types, requirements, findings, domainChecker.Formulas).Check();
        }

        var domainFile = domain.Span.File;
        return findings.All
            .OrderBy(diagnostic => diagnostic.Span.File == domainFile ? 0 : 1)
            .ThenBy(diagnostic => diagnostic.Span.Line)
            .ThenBy(diagnostic => diagnostic.Span.Column)
            .ToList();
    }
}
