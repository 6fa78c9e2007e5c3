using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Telemetry;
using RoboLam.Runtime.Tests.Support;

namespace RoboLam.Runtime.Tests;

/// <summary>Listeners are process-wide: these tests run alone so that other tests' spans and measurements stay out.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>One command followed from the words to every actuator command, and the runtime's metrics.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IDisposable
{
    private const string Device = "telemetry-arm";

    private const string WordsSource = "RoboLam.Tests.Words";

    private static readonly ActivitySource s_words = new(WordsSource);

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RuntimeTelemetry.SourceName or WordsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    [Fact]
    public async Task One_trace_follows_a_command_from_the_words_through_planning_and_each_action_to_each_device_command()
    {
        var words = s_words.StartActivity("intent: put the green block on the small red one")!;
        await using (var process = new ControllerProcess(ControllerSetups.Tabletop(new ScriptedActuator(Device) { CompleteAtOnce = true }, deviceId: Device)))
        {
            process.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red", words.Id));
            Assert.Equal(GoalStatus.Achieved, (await process.NextAsync<GoalFinished>()).Outcome.Status);
        }

        words.Dispose();
        var trace = _spans.Where(span => span.TraceId == words.TraceId).ToArray();

        var goal = Assert.Single(trace, span => span.OperationName == "robolam.goal");
        Assert.Equal(words.SpanId, goal.ParentSpanId);
        Assert.Equal(ActivityKind.Server, goal.Kind);
        Assert.Equal("Achieved", goal.GetTagItem("robolam.goal.status"));
        var plan = Assert.Single(trace, span => span.OperationName == "robolam.plan");
        Assert.Equal(goal.SpanId, plan.ParentSpanId);
        Assert.Equal("solved", plan.GetTagItem("robolam.plan.outcome"));

        var actions = trace.Where(span => span.OperationName == "robolam.action").OrderBy(span => span.StartTimeUtc).ToArray();
        Assert.Equal(["(unstack g1 r2)", "(place-on g1 r1)"], actions.Select(span => span.GetTagItem("robolam.action")));
        foreach (var action in actions)
        {
            Assert.Equal(goal.SpanId, action.ParentSpanId);
            var onDevice = Assert.Single(trace, span => span.OperationName == "robolam.device.action" && span.ParentSpanId == action.SpanId);
            Assert.Equal(Device, onDevice.GetTagItem("robolam.device"));
            Assert.Equal("Completed", onDevice.GetTagItem("robolam.device.status"));
            var command = Assert.Single(trace, span => span.OperationName == "robolam.device.command" && span.ParentSpanId == onDevice.SpanId);
            Assert.Equal($"{action.GetTagItem("robolam.action.id")}#0", command.GetTagItem("robolam.command.id"));
        }
    }

    [Fact]
    public async Task Planning_time_dispatch_latency_and_action_durations_are_measured_per_device()
    {
        await using (var process = new ControllerProcess(ControllerSetups.Tabletop(new ScriptedActuator(Device) { CompleteAtOnce = true }, deviceId: Device)))
        {
            process.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red"));
            Assert.Equal(GoalStatus.Achieved, (await process.NextAsync<GoalFinished>()).Outcome.Status);
        }

        var planning = Measured("robolam.planning.duration").Where(measurement => Equals(measurement.Tags[RuntimeTelemetry.ResultTag], "solved")).ToArray();
        Assert.NotEmpty(planning);
        Assert.All(planning, measurement => Assert.True(measurement.Value > 0));
        var ours = (string instrument) => Measured(instrument).Where(measurement => Equals(measurement.Tags[RuntimeTelemetry.DeviceTag], Device)).ToArray();
        Assert.Equal(2, ours("robolam.dispatch.latency").Length);
        Assert.All(ours("robolam.dispatch.latency"), measurement => Assert.True(measurement.Value >= 0));
        var durations = ours("robolam.action.duration");
        Assert.Equal(2, durations.Length);
        Assert.All(durations, measurement => Assert.Equal("completed", measurement.Tags[RuntimeTelemetry.ResultTag]));
        Assert.Equal(2, ours("robolam.actions").Sum(measurement => measurement.Value));

        // Each action's precondition held when it could start: nothing waited for the world.
        Assert.Empty(ours("robolam.precondition.wait"));
    }

    [Fact]
    public void The_open_telemetry_sdk_exports_the_runtime_spans_once_instrumented()
    {
        var exported = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder().AddRoboLamInstrumentation().AddProcessor(new Collecting(exported)).Build())
        {
            RuntimeTelemetry.StartActivity("robolam.goal", null)?.Dispose();
        }

        Assert.Contains(exported, span => span.OperationName == "robolam.goal");
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measured(string instrument) =>
        _measurements.Where(measurement => measurement.Instrument == instrument);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    private sealed class Collecting(List<Activity> exported) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => exported.Add(data);
    }
}
