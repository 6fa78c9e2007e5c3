using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RoboLam.Runtime.Telemetry;

/// <summary>
/// The runtime's traces and metrics. One trace follows a command: the caller's span (the words) → goal → planning
/// and each action → the action on its device → each actuator command. Actors pass the W3C trace parent along in their messages, because Activity.Current does not follow
/// a message from one actor to the next.
/// </summary>
public static class RuntimeTelemetry
{
    public const string SourceName = "RoboLam.Runtime";

    /// <summary>Tag on dispatch and action metrics: the device that ran the action.</summary>
    public const string DeviceTag = "robolam.device";

    /// <summary>Tag on planning and action metrics: how it ended ("solved", "completed", or the failure's kind).</summary>
    public const string ResultTag = "result";

    public static ActivitySource Source { get; } = new(SourceName, "1.0");

    public static Meter Meter { get; } = new(SourceName, "1.0");

    /// <summary>Wall time of one planning request, from the goal to the chosen plan or "no plan".</summary>
    public static Histogram<double> PlanningTime { get; } =
        Meter.CreateHistogram<double>("robolam.planning.duration", "ms", "time from a planning request to its answer");

    /// <summary>
    /// From "the action may start" (its predecessors are done and its precondition holds in the live world) to its
    /// command leaving for the device actor: the precondition check, the safety gate and the send.
    /// </summary>
    public static Histogram<double> DispatchLatency { get; } =
        Meter.CreateHistogram<double>("robolam.dispatch.latency", "ms", "time from an action becoming ready to its command being sent");

    /// <summary>How long an action whose predecessors were done waited for the live world to make its precondition true.</summary>
    public static Histogram<double> PreconditionWait { get; } =
        Meter.CreateHistogram<double>("robolam.precondition.wait", "ms", "time an action waited for its precondition to hold in the live world");

    /// <summary>From dispatch to the effects confirmed in the world model, or to the failure.</summary>
    public static Histogram<double> ActionDuration { get; } =
        Meter.CreateHistogram<double>("robolam.action.duration", "ms", "time an action took on its device, effects confirmed");

    public static Counter<long> ActionsEnded { get; } =
        Meter.CreateCounter<long>("robolam.actions", "{action}", "actions that ended, tagged with their result");

    /// <summary>
    /// Starts an activity under <paramref name="traceParent"/> (or a new trace) without leaving it as
    /// Activity.Current on the dispatcher thread, which would leak it into the next actor's messages.
    /// </summary>
    public static Activity? StartActivity(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        var previous = Activity.Current;
        try
        {
            Activity.Current = null;
            return traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
                ? Source.StartActivity(name, kind, parent)
                : Source.StartActivity(name, kind);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>The W3C trace parent to put in messages so that the receiver's activity joins this one's trace.</summary>
    public static string? TraceParentOf(Activity? activity) => activity?.Id;
}
