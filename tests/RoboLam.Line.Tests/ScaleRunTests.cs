using RoboLam.Cli;
using RoboLam.Cli.Line.Scale;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Line.Tests;

/// <summary>
/// The scale run (<c>robolam line --scale</c>) made small: a few cells of instant devices for a second or two over the
/// embedded broker and a Mosquitto the run starts itself. No timing is asserted; the counts must add up and every
/// command must run exactly once.
/// </summary>
public sealed class ScaleRunTests
{
    private static readonly ScaleOptions s_small = ScaleOptions.Default with
    {
        Cells = 3,
        DevicesPerCell = 4,
        Rate = 150,
        Duration = TimeSpan.FromSeconds(1.5),
        WarmUp = TimeSpan.FromSeconds(0.3),
    };

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_small_scale_run_completes_every_command_exactly_once_and_its_counts_agree(bool overMosquitto, bool inProcess)
    {
        var broker = overMosquitto ? ScaleBroker.Mosquitto : ScaleBroker.Embedded;
        var report = await ScaleRun.RunAsync(s_small with { Broker = broker, InProcess = inProcess }, TextWriter.Null, CancellationToken.None);

        Assert.True(report.Passed, report.Summary());
        Assert.True(report.Issued > 20, $"only {report.Issued} commands were issued");
        Assert.Equal(report.Issued, report.Completed);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Failed);
        Assert.Equal(0, report.RunTwice);
        Assert.Equal(report.Completed, report.Executions);
        Assert.InRange(report.CompletedInWindow, 1, report.Completed);

        // Only commands issued after the warm-up are timed, and each of them once per leg of its trip.
        Assert.InRange(report.ToFinished.Count, 1, report.Completed);
        Assert.Equal(report.ToFinished.Count, report.ToDevice.Count);
        Assert.Equal(report.ToFinished.Count, report.ToAck.Count);
        Assert.Equal(report.ToFinished.Count, report.ToAckTaken.Count);
        Assert.True(report.ToFinished.Median <= report.ToFinished.P99 && report.ToFinished.P99 <= report.ToFinished.Max);
        Assert.True(report.ToDevice.Median <= report.ToFinished.Max);

        // A lane of four devices: a part that went all the way took four commands.
        Assert.InRange(report.PartsShipped * 4, 1, report.Completed);
        Assert.True(report.Resources.PeakWorkingSet > 0 && report.Resources.PeakGcHeap > 0);

        // A command crosses from actor to proxy to broker to device and back on the thread pool: several hops at least.
        Assert.NotNull(report.Stalls);
        Assert.True(report.Stalls.WorkItemsPerCommand >= 1, $"{report.Stalls.WorkItemsPerCommand} thread-pool work items per command");

        // The figures depend on the collector, so the report names the one that ran.
        Assert.Equal(System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC", report.Resources.Collector.Split(',')[0]);
        Assert.Contains($"({report.Resources.Collector})", report.Summary(), StringComparison.Ordinal);
        Assert.Equal(broker == ScaleBroker.Mosquitto, report.Resources.Broker is not null);
    }

    [Fact]
    public void The_verb_runs_a_small_scale_run_and_exits_zero_when_nothing_was_lost()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = Program.Run(["line", "--scale", "--cells", "2", "--devices", "5", "--rate", "100", "--duration", "1s", "--warmup", "200ms"], output, error);

        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}{output}");
        Assert.Contains("2 cells x 5 devices online on the embedded broker at mqtt://127.0.0.1:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("result: every command completed exactly once", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "soon", "option --duration needs a time such as 30s or 500ms, not 'soon'")]
    [InlineData("--devices", "101", "option --devices takes at most 100 devices per cell, not 101")]
    [InlineData("--broker", "http://x", "or \"mosquitto\" to start one")]
    [InlineData("--transport", "pigeon", "option --transport takes tcp or memory, not 'pigeon'")]
    [InlineData("--transport", "memory --broker mosquitto", "option --transport memory works only with the embedded broker")]
    public void A_bad_scale_option_is_a_usage_error_naming_the_option(string option, string value, string expected)
    {
        var error = new StringWriter();

        var code = Program.Run(["line", "--scale", option, .. value.Split(' ')], TextWriter.Null, error);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_option_without_scale_is_refused()
    {
        var error = new StringWriter();

        var code = Program.Run(["line", "--cells", "3"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("option --cells belongs to the scale run", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0, 0, 0)]
    [InlineData(0, 1, 0, 0)]
    [InlineData(0, 0, 1, 0)]
    [InlineData(0, 0, 0, 1)]
    public void A_report_with_a_lost_failed_twice_run_or_unreported_command_does_not_pass(int inFlight, int failed, int runTwice, int extraExecutions)
    {
        var tally = new CellTally("cell-000", Issued: 10, Completed: 10 - inFlight - failed, Failed: failed, InFlight: inFlight, CompletedInWindow: 5, DuplicateAnswers: 0, PartsShipped: 2, FailureReasons: []);
        var none = new LatencyFigures(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var report = new ScaleReport(s_small, "test", TimeSpan.FromSeconds(1), [tally])
        {
            Executions = tally.Completed + extraExecutions,
            RunTwice = runTwice,
            DuplicatesAnswered = 0,
            ToDevice = none,
            ToAckTaken = none,
            ToAck = none,
            ToFinished = none,
            Resources = new ResourceFigures(1, 1, 1, 0.5, 0, 0, 0),
        };

        Assert.False(report.Passed);
        Assert.Contains("result: FAILED", report.Summary(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("robolam/cell-007/robot-a/ack", true, "cell-007", "robot-a", "ack")]
    [InlineData("robolam/cell-007/robot-a", false, "", "", "")]
    [InlineData("robolam/cell-007//ack", false, "", "", "")]
    [InlineData("robolam/cell-007/robot-a/ack/more", false, "", "", "")]
    [InlineData("robolamx/cell-007/robot-a/ack", false, "", "", "")]
    [InlineData("other/cell-007/robot-a/ack", false, "", "", "")]
    [InlineData("robolam/cell-007/robot-a/", false, "", "", "")]
    public void Device_topics_split_into_cell_device_and_kind(string topic, bool valid, string cell, string device, string kind)
    {
        Assert.Equal(valid, DeviceTopics.TryParse(topic, out var parsedCell, out var parsedDevice, out var parsedKind));
        Assert.Equal((cell, device, kind), (parsedCell, parsedDevice, parsedKind));
    }
}
