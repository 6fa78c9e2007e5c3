using System.Diagnostics;
using RoboLam.Planning.Configuration;
using RoboLam.Runtime.Planning;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam plan DOMAIN PROBLEM</c>: the plan in the IPC format on standard output (one action a line, then
/// <c>; cost = N</c>), statistics after it as comment lines, and an exit code that says what happened.
/// </summary>
public sealed class PlanVerb : IVerb
{
    private static readonly string[] s_flags = ["--list", "--quiet"];
    private static readonly string[] s_valued = ["--search", "--time-limit", "--memory-limit", "--plan-file"];

    public string Name => "plan";

    public string Summary => "find a plan for a PDDL problem (--list shows the search components)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var arguments = ArgumentReader.Read(args, s_flags, s_valued);
        if (arguments.Has("--list"))
        {
            WriteComponents(output);
            return ExitCodes.Success;
        }

        var request = new PlanningRequest(
            arguments.Value("--search") ?? PlanningRequest.DefaultSearch,
            arguments.Seconds("--time-limit", PlanningRequest.Default.TimeLimit),
            arguments.Number("--memory-limit", PlanningRequest.Default.MemoryLimitBytes >> 20) << 20);
        if (arguments.Error is not null || arguments.Positional.Count != 2)
        {
            error.WriteLine($"robolam plan: {arguments.Error ?? "expected DOMAIN and PROBLEM"}");
            error.WriteLine("usage: robolam plan DOMAIN PROBLEM [--search NAME] [--time-limit S] [--memory-limit MB] [--plan-file F] [--quiet]");
            return ExitCodes.UsageError;
        }

        var inputs = PddlInputs.Load(arguments.Positional[0], arguments.Positional[1], error, out var loadExit);
        if (inputs is not { } pddl)
        {
            return loadExit;
        }

        try
        {
            var report = PlanningPipeline.Plan(pddl.Domain, pddl.Problem, request);
            return Report(report, arguments, output, error);
        }
        catch (ConfigurationException exception)
        {
            error.WriteLine($"robolam plan: --search: {exception.Message} (robolam plan --list shows the components)");
            return ExitCodes.UsageError;
        }
    }

    private static int Report(PlanningReport report, ArgumentReader arguments, TextWriter output, TextWriter error)
    {
        if (report.IsSolved)
        {
            var planText = PlanText(report);
            output.Write(planText);
            if (arguments.Value("--plan-file") is { } planFile)
            {
                File.WriteAllText(planFile, planText);
            }
        }
        else
        {
            foreach (var reason in report.Reasons)
            {
                error.WriteLine($"robolam plan: {reason}");
            }
        }

        if (!arguments.Has("--quiet"))
        {
            WriteStatistics(report, output);
        }

        return report.Outcome switch
        {
            PlanningOutcome.Solved => ExitCodes.Success,
            PlanningOutcome.Unsolvable => ExitCodes.Unsolvable,
            PlanningOutcome.InvalidPlan => ExitCodes.InvalidPlan,
            PlanningOutcome.TimeLimit => ExitCodes.TimeLimit,
            PlanningOutcome.MemoryLimit => ExitCodes.MemoryLimit,
            PlanningOutcome.Unsupported => ExitCodes.PddlError,
            _ => ExitCodes.InternalError,
        };
    }

    private static string PlanText(PlanningReport report)
    {
        var writer = new StringWriter();
        foreach (var action in report.Plan)
        {
            writer.WriteLine(action.ToString());
        }

        var unit = report.Translation?.Task.HasActionCosts == true ? string.Empty : " (unit cost)";
        writer.WriteLine($"; cost = {report.Cost}{unit}");
        return writer.ToString();
    }

    private static void WriteStatistics(PlanningReport report, TextWriter output)
    {
        if (report.Translation is { } translation)
        {
            foreach (var stage in translation.Stages)
            {
                output.WriteLine($"; translate {stage}");
            }

            output.WriteLine($"; operators: {translation.Task.Operators.Count}, facts: {translation.Task.FactCount}, axioms: {translation.Task.Axioms.Count}");
        }

        if (report.Search is { } search)
        {
            var statistics = search.Statistics;
            output.WriteLine($"; expanded: {statistics.Expanded}, evaluated: {statistics.Evaluated}, generated: {statistics.Generated}");
            output.WriteLine($"; search time: {statistics.SearchTime.TotalMilliseconds:F1} ms");
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine($"; peak memory: {process.PeakWorkingSet64 >> 20} MiB");
    }

    private static void WriteComponents(TextWriter output)
    {
        output.WriteLine("searches:");
        foreach (var component in ComponentCatalog.Searches)
        {
            output.WriteLine($"  {component.Usage,-48} {component.Description}");
        }

        output.WriteLine("heuristics:");
        foreach (var component in ComponentCatalog.Heuristics)
        {
            output.WriteLine($"  {component.Usage,-48} {component.Description}");
        }
    }
}
