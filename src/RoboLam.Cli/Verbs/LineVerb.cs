using RoboLam.Cli.Line;
using RoboLam.Cli.Line.Scale;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;
using RoboLam.Runtime.Messages;
using RoboLam.Sim.Line;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam line [sim/factory-….json] [--broker URL] [--ca FILE] [--device-password PW] [--out DIR]</c>: runs a
/// factory scenario's order through the runtime against simulated MQTT devices and reports makespan, the sum of the
/// action durations, utilisation and throughput; with <c>--out</c> also a Markdown report and an SVG Gantt chart.
/// <c>robolam line --scale …</c> is the scale run instead (<see cref="ScaleCommand"/>).
/// </summary>
public sealed class LineVerb : IVerb
{
    private const string DefaultScenario = "sim/factory-order.json";

    public string Name => "line";

    public string Summary => "run a factory order on simulated MQTT devices; report makespan, utilisation, throughput";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var reader = ArgumentReader.Read(args, ["--scale"], ["--broker", "--ca", "--device-password", "--out", .. ScaleCommand.Options]);
        if (reader.Has("--scale"))
        {
            return ScaleCommand.Run(reader, output, error);
        }

        if (reader.Error is null && ScaleCommand.Options.FirstOrDefault(reader.Has) is { } scaleOnly)
        {
            reader.Fail($"option {scaleOnly} belongs to the scale run (robolam line --scale)");
        }

        if (reader.Error is not null || reader.Positional.Count > 1)
        {
            error.WriteLine($"robolam line: {reader.Error ?? "takes at most one scenario file"}; usage: robolam line [sim/factory-….json] [--broker mqtt://host:port] [--ca FILE] [--device-password PW] [--out DIR], or {ScaleCommand.Usage}");
            return ExitCodes.UsageError;
        }

        var scenarioPath = reader.Positional.Count == 1 ? reader.Positional[0] : BundledFiles.Find(DefaultScenario) ?? DefaultScenario;
        if (!File.Exists(scenarioPath))
        {
            error.WriteLine($"robolam line: scenario {scenarioPath} not found; give a sim/factory-*.json file");
            return ExitCodes.FileError;
        }

        var scenario = LineScenarioReader.Read(File.ReadAllText(scenarioPath), out var problems);
        if (scenario is null)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"{scenarioPath}: error: {problem}");
            }

            return ExitCodes.ConfigurationError;
        }

        BrokerAddress? external = null;
        if ((reader.Value("--broker") ?? scenario.Broker) is { } brokerText)
        {
            try
            {
                external = BrokerAddress.Parse(brokerText) with { CaCertificateFile = reader.Value("--ca") };
            }
            catch (FormatException exception)
            {
                error.WriteLine($"robolam line: {exception.Message}");
                return ExitCodes.UsageError;
            }
        }

        var domainPath = Locate(scenario.DomainFile, scenarioPath);
        var problemPath = Locate(scenario.ProblemFile, scenarioPath);
        if (PddlInputs.Load(domainPath, problemPath, error, out var exitCode) is not { } pddl)
        {
            return exitCode;
        }

        output.WriteLine($"scenario {scenario.Name}: {scenario.Order}");
        LineReport report;
        try
        {
            report = LineRun.RunAsync(scenario, pddl.Domain, pddl.Problem, new BrokerChoice(external, reader.Value("--device-password")), output, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is MqttCellException or InvalidOperationException or ArgumentException or FileNotFoundException)
        {
            error.WriteLine($"robolam line: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (TimeoutException)
        {
            error.WriteLine("robolam line: the order did not finish within 10 minutes; see the events above");
            return ExitCodes.TimeLimit;
        }

        output.Write(report.Summary());
        if (reader.Value("--out") is { } outDirectory)
        {
            Directory.CreateDirectory(outDirectory);
            var chart = $"{scenario.Name}.svg";
            File.WriteAllText(Path.Combine(outDirectory, chart), GanttChart.Svg(report.Bars, report.Makespan, $"{scenario.Name}: {scenario.Order}"));
            File.WriteAllText(Path.Combine(outDirectory, $"{scenario.Name}.md"), report.Markdown(chart));
            output.WriteLine($"report: {Path.Combine(outDirectory, scenario.Name + ".md")}");
        }

        return Verdict(scenario, report, error);
    }

    /// <summary>A path from the scenario: as given, else under the repository (bundled files), else next to the scenario.</summary>
    private static string Locate(string path, string scenarioPath) =>
        File.Exists(path) ? path
        : BundledFiles.Find(path) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".", path);

    /// <summary>0 when the run kept the scenario's promise; otherwise the code of what went wrong.</summary>
    private static int Verdict(LineScenario scenario, LineReport report, TextWriter error)
    {
        var status = report.Outcome.Status;
        var achieved = status == GoalStatus.Achieved;
        if (achieved != (scenario.Expect.Status == "achieved"))
        {
            error.WriteLine($"robolam line: the order ended {status}, the scenario expects {scenario.Expect.Status}: {report.Outcome.Summary}");
            return status switch
            {
                GoalStatus.SafetyStopped => ExitCodes.SafetyFault,
                GoalStatus.NoPlan => ExitCodes.Unsolvable,
                _ => ExitCodes.ExecutionFailed,
            };
        }

        if (achieved && scenario.Expect.MaxMakespanShare is { } share && report.MakespanShare > share)
        {
            error.WriteLine($"robolam line: the makespan was {report.MakespanShare:P0} of the sequential time, the scenario allows {share:P0}");
            return ExitCodes.ExpectationMissed;
        }

        return ExitCodes.Success;
    }
}
