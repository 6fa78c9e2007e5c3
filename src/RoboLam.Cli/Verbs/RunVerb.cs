using RoboLam.Runtime.Planning;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam run</c>: the main job on embedded defaults. For now it checks the bundled tabletop domain, plans one of its
/// problems and validates the plan; the simulated arm carrying the plan out joins it with the simulator.
/// </summary>
public sealed class RunVerb : IVerb
{
    private const string DomainFile = "domains/tabletop/domain.pddl";
    private const string ProblemFile = "domains/tabletop/p02.pddl";

    public string Name => "run";

    public string Summary => "the main job on embedded defaults: plan and validate a bundled tabletop problem";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count > 0)
        {
            error.WriteLine("robolam run: takes no arguments (it runs on embedded defaults)");
            return ExitCodes.UsageError;
        }

        var domainPath = BundledFiles.Find(DomainFile);
        var problemPath = BundledFiles.Find(ProblemFile);
        if (domainPath is null || problemPath is null)
        {
            error.WriteLine($"robolam run: {DomainFile} not found; run it from the RoboLam repository");
            return ExitCodes.FileError;
        }

        output.WriteLine($"checking {DomainFile} and {ProblemFile}");
        var inputs = PddlInputs.Load(domainPath, problemPath, error, out var exitCode);
        if (inputs is not { } pddl)
        {
            return exitCode;
        }

        output.WriteLine($"planning with '{PlanningRequest.DefaultSearch}'");
        var report = PlanningPipeline.Plan(pddl.Domain, pddl.Problem, PlanningRequest.Default);
        if (!report.IsSolved)
        {
            foreach (var reason in report.Reasons)
            {
                error.WriteLine($"robolam run: {reason}");
            }

            return report.Outcome == PlanningOutcome.Unsolvable ? ExitCodes.Unsolvable : ExitCodes.InternalError;
        }

        for (var step = 0; step < report.Plan.Count; step++)
        {
            output.WriteLine($"  {step + 1,3}. {report.Plan[step]}");
        }

        output.WriteLine($"plan of {report.Plan.Count} steps, cost {report.Cost}; the validator checked it against the PDDL: valid");
        return ExitCodes.Success;
    }
}
