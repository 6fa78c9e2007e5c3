using RoboLam.Pddl;
using RoboLam.Pddl.Diagnostics;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Cli.Verbs;

/// <summary><c>robolam validate DOMAIN PROBLEM PLAN</c>: checks a plan with the independent validator.</summary>
public sealed class ValidateVerb : IVerb
{
    private const string Usage = "usage: robolam validate DOMAIN PROBLEM PLAN";

    public string Name => "validate";

    public string Summary => "check a plan against a PDDL domain and problem";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            output.WriteLine(Usage);
            output.WriteLine("Prints 'plan valid, cost N' (exit 0) or the first failure (exit 11).");
            return ExitCodes.Success;
        }

        if (args.Count != 3 || args.Any(argument => argument.StartsWith('-')))
        {
            error.WriteLine($"robolam validate: expected three files, got {string.Join(' ', args)}".TrimEnd());
            error.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        var domain = PddlParser.LoadDomain(args[0]);
        var problem = PddlParser.LoadProblem(args[1]);
        var diagnostics = domain.Diagnostics.Concat(problem.Diagnostics).ToList();
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }

        if (diagnostics.Any(diagnostic => diagnostic.Code == DiagnosticCodes.UnreadableFile))
        {
            return ExitCodes.FileError;
        }

        if (domain.HasErrors || problem.HasErrors || domain.Value is null || problem.Value is null)
        {
            return ExitCodes.PddlError;
        }

        var findings = PddlChecker.Check(domain.Value, problem.Value);
        foreach (var finding in findings)
        {
            error.WriteLine(finding);
        }

        if (findings.Any(finding => finding.Severity == Severity.Error))
        {
            return ExitCodes.PddlError;
        }

        if (!TryReadPlan(args[2], error, out var plan))
        {
            return ExitCodes.FileError;
        }

        var parsed = PlanFile.Parse(plan, args[2]);
        if (parsed.HasErrors)
        {
            foreach (var planError in parsed.Errors)
            {
                error.WriteLine(planError);
            }

            return ExitCodes.PlanFileError;
        }

        return Report(PlanValidator.Validate(domain.Value, problem.Value, parsed.Steps), parsed.Steps, args[2], output, error);
    }

    private static int Report(ValidationResult result, IReadOnlyList<PlanStep> steps, string planPath, TextWriter output, TextWriter error)
    {
        switch (result.Verdict)
        {
            case ValidationVerdict.Valid:
                output.WriteLine(result.Message);
                return ExitCodes.Success;
            case ValidationVerdict.UnresolvedStep:
                error.WriteLine($"{Where(result, steps, planPath)}{result.Message}");
                return ExitCodes.PlanFileError;
            case ValidationVerdict.TaskError:
                error.WriteLine($"robolam validate: {result.Message}");
                return ExitCodes.PddlError;
            default:
                output.WriteLine($"plan invalid: {result.Message}");
                return ExitCodes.InvalidPlan;
        }
    }

    /// <summary><c>plan.txt:4:1: </c> for a failure tied to a step read from the file.</summary>
    private static string Where(ValidationResult result, IReadOnlyList<PlanStep> steps, string planPath) =>
        result.FailedStep is int number && steps[number - 1] is { Line: > 0 } step
            ? $"{planPath}:{step.Line}:{step.Column}: "
            : string.Empty;

    private static bool TryReadPlan(string path, TextWriter error, out string text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"robolam validate: cannot read the plan file {path}: {exception.Message}");
            text = string.Empty;
            return false;
        }
    }
}
