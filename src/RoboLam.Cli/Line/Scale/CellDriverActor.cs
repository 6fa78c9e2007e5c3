using System.Diagnostics;
using Akka.Actor;
using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.World;
using RoboLam.Sim.Line;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// Runs one scale-run cell's orders in place of the plan executor: parts enter each lane and pass its devices in
/// order; every step is asked of the runtime's safety gate and sent to the device's actor as an
/// <see cref="ExecuteAction"/>, exactly as an action executor does, and the device actor's <see cref="ActionFinished"/>
/// moves the part on. Steps are issued at the cell's share of the offered rate (open loop, a small burst allowance),
/// and only to idle devices: one command per device at a time, as the protocol wants.
/// </summary>
internal sealed class CellDriverActor : ReceiveActor, IWithTimers
{
    private const int KeptReasons = 3;
    // Most steps go out when an earlier one finishes; the tick only tops up the bucket (a hundred drivers tick at once).
    private static readonly TimeSpan s_tickPeriod = TimeSpan.FromMilliseconds(25);

    private readonly string _cell;
    private readonly Lane[] _lanes;
    private readonly ISafetyGate _gate;
    private readonly WorldState _world;
    private readonly LineFloor _floor;
    private readonly DispatchProbe _probe;
    private readonly double _ratePerTick;
    private readonly double _burst;
    private readonly Dictionary<string, (Lane Lane, Part Part)> _running = new(StringComparer.Ordinal);
    private readonly List<string> _reasons = [];
    private long _lastTimestamp;
    private double _credit;
    private bool _issuing;
    private long _measureFrom = long.MaxValue;
    private int _nextLane;
    private int _nextPart;
    private long _issued;
    private long _completed;
    private long _failed;
    private long _completedInWindow;
    private long _duplicates;
    private long _shipped;

    /// <param name="rate">Commands per second this cell offers; zero for as fast as its devices take them.</param>
    public CellDriverActor(string cell, IReadOnlyList<(ScaleLane Lane, IActorRef[] Devices)> lanes, ISafetyGate gate, WorldState world, LineFloor floor, DispatchProbe probe, double rate)
    {
        _cell = cell;
        _lanes = lanes.Select(lane => new Lane(lane.Lane, lane.Devices)).ToArray();
        _gate = gate;
        _world = world;
        _floor = floor;
        _probe = probe;
        _ratePerTick = rate / Stopwatch.Frequency;
        _burst = rate > 0 ? Math.Max(1, _lanes.Sum(lane => lane.Devices.Length)) : double.PositiveInfinity;
        Receive<StartIssuing>(_ =>
        {
            _issuing = true;
            _lastTimestamp = Stopwatch.GetTimestamp();
            Timers.StartPeriodicTimer("tick", Tick.Instance, s_tickPeriod);
            IssueWhatIsDue();
        });
        Receive<StartMeasuring>(message => _measureFrom = message.Timestamp);
        Receive<StopIssuing>(_ =>
        {
            _issuing = false;
            Timers.CancelAll();
        });
        Receive<Tick>(_ => IssueWhatIsDue());
        Receive<ActionFinished>(HandleFinished);

        // An action executor watches these; the driver has nothing to do with them, and an unhandled message would
        // cost a publication on the event stream for every heartbeat and progress report.
        Receive<ActionProgress>(_ => { });
        Receive<DeviceHeartbeat>(_ => { });
        Receive<GetTally>(_ => Sender.Tell(new CellTally(_cell, _issued, _completed, _failed, _running.Count, _completedInWindow, _duplicates, _shipped, _reasons.ToArray())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string cell, IReadOnlyList<(ScaleLane Lane, IActorRef[] Devices)> lanes, ISafetyGate gate, WorldState world, LineFloor floor, DispatchProbe probe, double rate) =>
        Akka.Actor.Props.Create(() => new CellDriverActor(cell, lanes, gate, world, floor, probe, rate));

    private void IssueWhatIsDue()
    {
        if (!_issuing)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _credit = double.IsPositiveInfinity(_burst) ? _burst : Math.Min(_burst, _credit + ((now - _lastTimestamp) * _ratePerTick));
        _lastTimestamp = now;
        while (_credit >= 1 && NextReady() is { } ready)
        {
            _credit--;
            Issue(ready.Lane, ready.Part);
        }
    }

    /// <summary>The next step whose part is waiting and whose device is idle, lanes in turn; a new part when a lane's first device is free.</summary>
    private (Lane Lane, Part Part)? NextReady()
    {
        for (var tried = 0; tried < _lanes.Length; tried++)
        {
            var lane = _lanes[_nextLane];
            _nextLane = (_nextLane + 1) % _lanes.Length;
            foreach (var part in lane.Parts)
            {
                if (!part.Running && !lane.Busy[part.Step])
                {
                    return (lane, part);
                }
            }

            if (!lane.Busy[0] && lane.Parts.Count < lane.Devices.Length && lane.Parts.TrueForAll(part => part.Step > 0))
            {
                var part = new Part($"p{++_nextPart}");
                _floor.Place(part.Name, lane.Definition.Entry);
                lane.Parts.Add(part);
                return (lane, part);
            }
        }

        return null;
    }

    private void Issue(Lane lane, Part part)
    {
        var action = lane.Definition.Step(part.Step, part.Name);
        var actionId = $"{_cell}.{part.Name}.{part.Step}";
        var device = lane.Definition.Devices[part.Step].Name;
        var decision = _gate.Review(new SafetyReview(SafetyPhase.BeforeDispatch, actionId, action, device, _world));
        part.Running = true;
        lane.Busy[part.Step] = true;
        _running[actionId] = (lane, part);
        _issued++;
        if (!decision.Allowed)
        {
            Self.Tell(new ActionFinished(actionId, device, CommandStatus.Refused, $"the safety gate refused {action}: {decision.Reason}"));
            return;
        }

        _probe.Issued(CommandId.ForStep(actionId, 0).Value, Stopwatch.GetTimestamp());
        lane.Devices[part.Step].Tell(new ExecuteAction(actionId, action, _world));
    }

    private void HandleFinished(ActionFinished finished)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_running.Remove(finished.ActionId, out var running))
        {
            return;
        }

        var (lane, part) = running;
        lane.Busy[part.Step] = false;
        part.Running = false;
        _probe.Finished(CommandId.ForStep(finished.ActionId, 0).Value, now);
        if (finished.WasDuplicate)
        {
            _duplicates++;
        }

        if (finished.Status == CommandStatus.Completed)
        {
            _completed++;
            if (_issuing && now >= _measureFrom)
            {
                _completedInWindow++;
            }

            part.Step++;
            if (part.Step == lane.Devices.Length)
            {
                // Taken off the line at the output, so a long run's floor holds only the parts in its lanes.
                lane.Parts.Remove(part);
                _floor.Remove(part.Name);
                _shipped++;
            }
        }
        else
        {
            // The part stays where the failed step left it; it leaves the run so the lane goes on.
            _failed++;
            lane.Parts.Remove(part);
            if (_reasons.Count < KeptReasons)
            {
                _reasons.Add($"{finished.ActionId} on {finished.DeviceId}: {finished.Status} {finished.Reason}");
            }
        }

        IssueWhatIsDue();
    }

    public sealed record StartIssuing
    {
        public static StartIssuing Instance { get; } = new();
    }

    public sealed record StartMeasuring(long Timestamp);

    public sealed record StopIssuing
    {
        public static StopIssuing Instance { get; } = new();
    }

    public sealed record GetTally
    {
        public static GetTally Instance { get; } = new();
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }

    private sealed class Lane(ScaleLane definition, IActorRef[] devices)
    {
        public ScaleLane Definition { get; } = definition;

        public IActorRef[] Devices { get; } = devices;

        public bool[] Busy { get; } = new bool[devices.Length];

        public List<Part> Parts { get; } = [];
    }

    private sealed class Part(string name)
    {
        public string Name { get; } = name;

        public int Step { get; set; }

        public bool Running { get; set; }
    }
}
