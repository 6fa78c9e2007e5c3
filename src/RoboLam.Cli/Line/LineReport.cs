using System.Globalization;
using System.Text;
using RoboLam.Runtime.Messages;

namespace RoboLam.Cli.Line;

/// <summary>
/// The figures of one run: makespan (first action dispatched → last action ended) against the sum of the action durations
/// (what strictly sequential execution would take at least), utilisation per device, throughput, peak concurrency.
/// </summary>
internal sealed record LineReport(string Scenario, GoalOutcome Outcome, IReadOnlyList<TimelineBar> Bars, TimeSpan Makespan, int Parts, int PeakConcurrency, int Reconnections)
{
    /// <summary>From submitting the order to its first dispatch: planning, mostly. Bar times count from the first dispatch.</summary>
    public TimeSpan FirstDispatch { get; init; }

    /// <summary>Command ids that some device ran more than once (the protocol promises none).</summary>
    public int CommandsRunTwice { get; init; }

    /// <summary>Commands that reached a device again under an id it had seen, answered without acting.</summary>
    public int DuplicatesAnswered { get; init; }

    public TimeSpan SumOfDurations => TimeSpan.FromTicks(Bars.Sum(bar => bar.Duration.Ticks));

    /// <summary>Makespan as a share of the sequential time: 0.4 means the line took 40 % of it.</summary>
    public double MakespanShare => SumOfDurations > TimeSpan.Zero ? Makespan / SumOfDurations : 1.0;

    public double PartsPerMinute => Makespan > TimeSpan.Zero ? Parts / Makespan.TotalMinutes : 0;

    public IReadOnlyList<(string Device, int Actions, double Utilisation)> Utilisation =>
        Bars.GroupBy(bar => bar.Device)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count(), Makespan > TimeSpan.Zero ? group.Sum(bar => bar.Duration.Ticks) / (double)Makespan.Ticks : 0))
            .ToArray();

    public string Summary()
    {
        var text = new StringBuilder();
        Line(text, $"outcome: {Outcome.Status}: {Outcome.Summary}");
        Line(text, $"actions: {Bars.Count} ({Bars.Count(bar => bar.Result == "completed")} completed), up to {PeakConcurrency} at once");
        Line(text, $"first dispatch {FirstDispatch.TotalSeconds:0.00} s after the order (planning); times below count from it");
        Line(text, $"makespan: {Makespan.TotalSeconds:0.00} s; sum of action durations: {SumOfDurations.TotalSeconds:0.00} s; makespan is {MakespanShare:P0} of sequential");
        Line(text, $"throughput: {Parts} parts in {Makespan.TotalSeconds:0.00} s = {PartsPerMinute:0.0} parts/min");
        Line(text, $"broker reconnections: {Reconnections}; commands run twice: {CommandsRunTwice}; repeated ids answered without acting: {DuplicatesAnswered}");

        Line(text, "device utilisation:");
        foreach (var (device, actions, utilisation) in Utilisation)
        {
            Line(text, $"  {device,-26} {actions,3} actions  {utilisation,6:P0}");
        }

        return text.ToString();
    }

    /// <summary>The report as Markdown with the Gantt chart beside it (<paramref name="chartFile"/>).</summary>
    public string Markdown(string chartFile)
    {
        var text = new StringBuilder();
        Line(text, $"# Line run: {Scenario}");
        Line(text, string.Empty);
        Line(text, $"![timeline]({chartFile})");
        Line(text, string.Empty);
        Line(text, "```");
        text.Append(Summary());
        Line(text, "```");
        Line(text, string.Empty);
        Line(text, "| action | device | start (s) | end (s) | result |");
        Line(text, "|---|---|---:|---:|---|");
        foreach (var bar in Bars)
        {
            Line(text, $"| `{bar.Action}` | {bar.Device} | {bar.Start.TotalSeconds:0.000} | {bar.End.TotalSeconds:0.000} | {bar.Result} |");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);
}
