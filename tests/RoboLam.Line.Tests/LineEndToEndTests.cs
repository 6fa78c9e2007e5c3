using RoboLam.Cli;
using RoboLam.Cli.Line;
using RoboLam.Line.Tests.Support;
using RoboLam.Runtime.Messages;
using RoboLam.Sim.Line;

namespace RoboLam.Line.Tests;

/// <summary>
/// Whole factory orders through the real runtime (planner, partial-order executor, device actors), every device
/// proxy behind the Safety gate, simulated devices as MQTT clients: the scenarios in sim/.
/// </summary>
public sealed class LineEndToEndTests
{
    [Fact]
    public async Task A_six_part_order_over_the_embedded_broker_runs_independent_actions_at_the_same_time()
    {
        var report = await RunAsync("factory-six-parts", new BrokerChoice(null, null));

        Assert.Equal(GoalStatus.Achieved, report.Outcome.Status);
        Assert.Equal(42, report.Bars.Count(bar => bar.Result == "completed"));
        Assert.Equal(6, report.Parts);
        Assert.True(report.PeakConcurrency >= 3, $"at most {report.PeakConcurrency} actions ran at once");

        // Sequential execution takes at least the sum of the durations; the pipeline must be far below it.
        Assert.True(report.MakespanShare < 0.6, $"makespan {report.Makespan} is {report.MakespanShare:P0} of the sum of durations {report.SumOfDurations}");
        Assert.Equal(0, report.CommandsRunTwice);
    }

    [Fact]
    public async Task An_order_over_mosquitto_with_tls_and_passwords_completes_even_when_the_camera_rejects_a_part()
    {
        await using var broker = await TestBroker.StartAsync(BrokerKind.MosquittoTls);
        var report = await RunAsync("factory-order", new BrokerChoice(broker.ControllerAddress, TestBroker.DevicePassword));

        Assert.Equal(GoalStatus.Achieved, report.Outcome.Status);
        Assert.Equal(3, report.Parts);
        Assert.True(report.PeakConcurrency >= 2, $"at most {report.PeakConcurrency} actions ran at once");
        Assert.Contains(report.Bars, bar => bar.Action.StartsWith("(inspect", StringComparison.Ordinal) && bar.Result != "completed");
        Assert.True(report.Outcome.Attempts.Count >= 2);
        Assert.Equal(0, report.CommandsRunTwice);
    }

    [Fact]
    public async Task A_jammed_station_ends_the_order_as_failed_with_the_jam_as_its_reason()
    {
        var report = await RunAsync("factory-jam", new BrokerChoice(null, null));

        Assert.Equal(GoalStatus.Failed, report.Outcome.Status);
        Assert.Contains("jammed", report.Outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("station-drill", report.Outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(0, report.CommandsRunTwice);
    }

    [Fact]
    public async Task A_device_going_offline_mid_order_fails_its_action_and_the_replanned_order_completes()
    {
        var report = await RunAsync("factory-offline", new BrokerChoice(null, null));

        Assert.Equal(GoalStatus.Achieved, report.Outcome.Status);
        Assert.Contains(report.Bars, bar => bar.Device == "station-paint" && bar.Result == nameof(FailureKind.DeviceFailed));
        Assert.True(report.Outcome.Attempts.Count >= 2);
        Assert.Equal(0, report.CommandsRunTwice);
    }

    [Fact]
    public async Task A_broker_restart_mid_order_loses_no_command_and_runs_no_action_twice()
    {
        var report = await RunAsync("factory-broker-restart", new BrokerChoice(null, null));

        Assert.Equal(GoalStatus.Achieved, report.Outcome.Status);
        Assert.True(report.Reconnections >= 1, "the controller never lost the broker: the restart came too late");
        Assert.Equal(0, report.CommandsRunTwice);
        Assert.Equal(21, report.Bars.Count(bar => bar.Result == "completed"));
    }

    [Fact]
    public void The_line_verb_reports_a_scenario_with_errors_by_json_path_and_exit_code_34()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("robolam-line-").FullName, "factory-bad.json");
        File.WriteAllText(file, """{ "name": "bad", "cell": "c", "domain": "d", "problem": "p", "order": "o", "timeScale": 0.1, "assignments": {}, "devices": [ { "name": "x", "kind": "toaster", "duration": "2 s" } ] }""");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = Program.Run(["line", file], output, error);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("$.devices[0].kind: unknown kind \"toaster\"", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_names_an_unreachable_broker_fails_in_one_sentence_that_names_it()
    {
        var source = File.ReadAllText(BundledFiles.Find("sim/factory-order.json")!);
        var port = Sim.Mqtt.EmbeddedBroker.FreeLoopbackPort();
        var file = Path.Combine(Directory.CreateTempSubdirectory("robolam-line-").FullName, "factory-elsewhere.json");
        File.WriteAllText(file, source.Replace("\"cell\": \"line1\",", $"\"cell\": \"line1\", \"broker\": \"mqtt://127.0.0.1:{port}\",", StringComparison.Ordinal));
        var error = new StringWriter();

        var code = Program.Run(["line", file], new StringWriter(), error);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains($"cannot reach the MQTT broker at 127.0.0.1:{port}", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_verb_refuses_a_broker_address_that_is_not_mqtt()
    {
        var error = new StringWriter();

        var code = Program.Run(["line", "--broker", "http://example.org"], new StringWriter(), error);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("mqtt://host:port", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<LineReport> RunAsync(string name, BrokerChoice broker)
    {
        var path = BundledFiles.Find($"sim/{name}.json") ?? throw new FileNotFoundException($"sim/{name}.json");
        var scenario = LineScenarioReader.Read(await File.ReadAllTextAsync(path), out var errors) ?? throw new InvalidDataException(string.Join("; ", errors));
        var pddl = PddlInputs.Load(BundledFiles.Find(scenario.DomainFile)!, BundledFiles.Find(scenario.ProblemFile)!, TextWriter.Null, out _)
            ?? throw new InvalidDataException($"{scenario.ProblemFile} has errors");
        return await LineRun.RunAsync(scenario, pddl.Domain, pddl.Problem, broker, TextWriter.Null, CancellationToken.None);
    }
}
