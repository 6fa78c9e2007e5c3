using System.Globalization;
using System.Text.RegularExpressions;
using RoboLam.Cli.Bench;
using RoboLam.Pddl;
using RoboLam.Runtime.Planning;
using RoboLam.Validation;
using RoboLam.Validation.Plans;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam bench LISTFILE</c>: plans every problem of a list in its own process, validates every plan with the
/// validator, prints a table and closes with <c>solved n/N, invalid i, time-outs t</c>.
/// </summary>
public sealed partial class BenchVerb : IVerb
{
    private static readonly string[] s_valued = ["--search", "--time-limit", "--out", "--reference"];

    public string Name => "bench";

    public string Summary => "plan every problem of a list in its own process, validate every plan, print a table";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var arguments = ArgumentReader.Read(args, [], s_valued);
        var timeLimit = arguments.Seconds("--time-limit", TimeSpan.FromSeconds(60));
        if (arguments.Error is not null || arguments.Positional.Count != 1)
        {
            error.WriteLine($"robolam bench: {arguments.Error ?? "expected one LISTFILE"}");
            error.WriteLine("usage: robolam bench LISTFILE [--search NAME] [--time-limit S] [--out results.csv] [--reference REFERENCE.md]");
            return ExitCodes.UsageError;
        }

        var listPath = arguments.Positional[0];
        if (!File.Exists(listPath))
        {
            error.WriteLine($"{listPath}: error: file not found");
            return ExitCodes.FileError;
        }

        IReadOnlyList<BenchEntry> entries;
        try
        {
            entries = BenchEntry.ReadList(listPath);
        }
        catch (FormatException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.UsageError;
        }

        var reference = arguments.Value("--reference") is { } referencePath ? ReferenceTable.Read(referencePath) : null;
        var search = arguments.Value("--search") ?? PlanningRequest.DefaultSearch;
        var rows = RunAll(entries, search, timeLimit, output);
        BenchSummary.Write(rows, reference, output);
        if (arguments.Value("--out") is { } csvPath)
        {
            File.WriteAllLines(csvPath, [BenchRow.CsvHeader, .. rows.Select(row => row.ToCsv())]);
        }

        return rows.Any(row => row.IsInvalid) ? ExitCodes.InvalidPlan : ExitCodes.Success;
    }

    private static List<BenchRow> RunAll(IReadOnlyList<BenchEntry> entries, string search, TimeSpan timeLimit, TextWriter output)
    {
        output.WriteLine($"{"domain",-24} {"problem",-30} {"result",-9} {"wall s",8} {"cost",6} {"expanded",10}  validation");
        var rows = new List<BenchRow>();
        var planFile = Path.Combine(Path.GetTempPath(), $"robolam-bench-{Environment.ProcessId}.plan");
        try
        {
            foreach (var entry in entries)
            {
                File.Delete(planFile);
                var run = PlannerProcess.Run(entry, search, timeLimit, planFile);
                var row = new BenchRow(
                    entry,
                    run.ExitCode,
                    run.WallSeconds,
                    run.ExitCode == ExitCodes.Success ? ParseCost(run.Output) : null,
                    ParseExpanded(run.Output),
                    run.ExitCode == ExitCodes.Success ? Validate(entry, planFile) : "-");
                rows.Add(row);
                output.WriteLine(
                    $"{entry.DomainName,-24} {entry.ProblemName,-30} {row.Result,-9} {row.WallSeconds,8:0.000} {row.Cost,6} {row.Expanded,10}  {row.Validation}");
            }
        }
        finally
        {
            File.Delete(planFile);
        }

        return rows;
    }

    /// <summary>Checks the plan file the planner wrote with the validator, which shares no code with the planner.</summary>
    private static string Validate(BenchEntry entry, string planFile)
    {
        if (!File.Exists(planFile))
        {
            return "no plan file written";
        }

        var domain = PddlParser.LoadDomain(entry.DomainPath);
        var problem = PddlParser.LoadProblem(entry.ProblemPath);
        var plan = PlanFile.Parse(File.ReadAllText(planFile), planFile);
        if (domain.Value is null || problem.Value is null || plan.Errors.Count > 0)
        {
            return "plan or PDDL unreadable";
        }

        var result = PlanValidator.Validate(domain.Value, problem.Value, plan.Steps);
        return result.Verdict == ValidationVerdict.Valid ? "valid" : result.Message;
    }

    private static int? ParseCost(string output) =>
        CostLine().Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static long? ParseExpanded(string output) =>
        ExpandedLine().Match(output) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^; cost = (\d+)", RegexOptions.Multiline)]
    private static partial Regex CostLine();

    [GeneratedRegex(@"^; expanded: (\d+)", RegexOptions.Multiline)]
    private static partial Regex ExpandedLine();
}
