using RoboLam.Pddl;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam check DOMAIN [PROBLEM...]</c>: parses and checks a domain and its problems, printing every diagnostic
/// in compiler format and a summary. Exit 0 when clean or warnings only, 32 on PDDL errors, 31 when a file cannot
/// be read (the worse of the two wins), 30 on bad arguments.
/// </summary>
public sealed class CheckVerb : IVerb
{
    private const string Usage = "usage: robolam check DOMAIN [PROBLEM...]";

    public string Name => "check";

    public string Summary => "check PDDL domains and problems and print diagnostics";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            output.WriteLine(Usage);
            output.WriteLine("Prints each finding as 'file(line,col): error PDDL012: ...' and a summary; exits 0 when there are no errors.");
            return ExitCodes.Success;
        }

        var option = args.FirstOrDefault(argument => argument.StartsWith('-'));
        if (args.Count == 0 || option is not null)
        {
            error.WriteLine(option is null ? "robolam check: name a domain file to check" : $"robolam check: unknown option '{option}'");
            error.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        var report = new List<Diagnostic>();
        var domain = Parse(PddlParser.LoadDomain(args[0]), report);
        if (domain is not null)
        {
            report.AddRange(PddlChecker.Check(domain));
        }

        foreach (var problemPath in args.Skip(1))
        {
            var problem = Parse(PddlParser.LoadProblem(problemPath), report);
            if (domain is not null && problem is not null)
            {
                // The domain's own findings were reported once already.
                report.AddRange(PddlChecker.Check(domain, problem).Where(diagnostic => diagnostic.Span.File == problemPath));
            }
        }

        foreach (var diagnostic in report)
        {
            output.WriteLine(diagnostic);
        }

        output.WriteLine(Summarize(args.Count - 1, report));
        return ExitCode(report);
    }

    /// <summary>The tree when it parsed cleanly; a tree with syntax errors is not checked, to spare echoes of those errors.</summary>
    private static T? Parse<T>(PddlResult<T> result, List<Diagnostic> report)
        where T : class
    {
        report.AddRange(result.Diagnostics);
        return result.HasErrors ? null : result.Value;
    }

    private static string Summarize(int problems, List<Diagnostic> report)
    {
        var errors = report.Count(diagnostic => diagnostic.Severity == Severity.Error);
        var warnings = report.Count - errors;
        var files = problems == 0 ? "1 domain" : $"1 domain and {problems} problem{(problems == 1 ? string.Empty : "s")}";
        return $"checked {files}: {Count(errors, "error")}, {Count(warnings, "warning")}";
    }

    private static string Count(int count, string noun) => count == 0 ? $"no {noun}s" : count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static int ExitCode(List<Diagnostic> report)
    {
        if (report.Any(diagnostic => diagnostic.Code == DiagnosticCodes.UnreadableFile))
        {
            return ExitCodes.FileError;
        }

        return report.Any(diagnostic => diagnostic.Severity == Severity.Error) ? ExitCodes.PddlError : ExitCodes.Success;
    }
}
