using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Cli;

/// <summary>Loads and checks a domain and a problem for the verbs that need both; prints every diagnostic.</summary>
public static class PddlInputs
{
    /// <summary>Returns null after printing the diagnostics when the files are unreadable or have errors.</summary>
    public static (Domain Domain, Problem Problem)? Load(string domainPath, string problemPath, TextWriter error, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        foreach (var path in new[] { domainPath, problemPath })
        {
            if (!File.Exists(path))
            {
                error.WriteLine($"{path}: error: file not found");
                exitCode = ExitCodes.FileError;
                return null;
            }
        }

        var domain = PddlParser.LoadDomain(domainPath);
        var problem = PddlParser.LoadProblem(problemPath);
        var diagnostics = domain.Diagnostics.Concat(problem.Diagnostics).ToList();
        if (domain.Value is not null && !domain.HasErrors && problem.Value is not null && !problem.HasErrors)
        {
            diagnostics.AddRange(PddlChecker.Check(domain.Value, problem.Value));
        }

        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }

        if (domain.Value is null || problem.Value is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            exitCode = ExitCodes.PddlError;
            return null;
        }

        return (domain.Value, problem.Value);
    }
}
