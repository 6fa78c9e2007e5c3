using System.Globalization;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;
using RoboLam.Safety.EmergencyStop;
using RoboLam.Safety.Envelope;
using RoboLam.Safety.Interlocks;
using RoboLam.Safety.Watchdogs;

namespace RoboLam.Safety.Supervisor;

/// <summary>
/// Owns the safety state of one robot cell and answers for it: takes e-stop edges and requests, resets,
/// heartbeats, world facts and mode requests, decides on commands through <see cref="SafetyCore"/>, and
/// raises <see cref="StopDemanded"/> when something must stop. Pure logic behind one lock: no IO, no
/// timers, no clock; every input carries its time. Events are raised after the lock is released.
/// </summary>
public sealed partial class SafetySupervisor
{
    /// <summary>The control loop's watchdog name in causes and messages.</summary>
    public const string ControlLoop = "control loop";

    private readonly object _gate = new();
    private readonly EmergencyStopLatch _latch;
    private readonly HeartbeatWatchdogs _watchdogs = new();
    private readonly List<SafetyCause> _faults = [];
    private readonly Dictionary<string, string> _deviceFaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActuatorRecord> _actuators = new(StringComparer.OrdinalIgnoreCase);
    private SafetyMode _operatingMode = SafetyMode.Normal;
    private SafetyCause? _operatorStop;
    private WorldFacts _facts = WorldFacts.Empty;
    private long _lastTicket;

    public SafetySupervisor(RobotDescription robot)
        : this(SafetyEnvelope.For(robot))
    {
    }

    public SafetySupervisor(SafetyEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Envelope = envelope;
        _latch = new EmergencyStopLatch(envelope.Safety.EmergencyStops);
    }

    /// <summary>Raised (outside the lock, on the caller's thread) whenever actuators must stop now.</summary>
    public event EventHandler<StopDemand>? StopDemanded;

    public SafetyEnvelope Envelope { get; }

    /// <summary>The mode as of the last input (time-based rules are evaluated on the next call that passes a time).</summary>
    public SafetyMode Mode
    {
        get
        {
            lock (_gate)
            {
                return CurrentMode();
            }
        }
    }

    /// <summary>The mode and its causes as of <paramref name="now"/> (watchdogs and deadlines evaluated).</summary>
    public SafetyStatus Status(DateTimeOffset now) => Locked(now, _ => new SafetyStatus(CurrentMode(), CurrentCauses(), _facts));

    /// <summary>Starts watching an actuator: its heartbeats are expected from <paramref name="now"/> on.</summary>
    public void RegisterDevice(string actuator, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actuator);
        Locked(now, _ =>
        {
            RecordOf(actuator);
            _watchdogs.Watch(actuator, Envelope.Safety.Watchdogs.DeviceTimeout.ToTimeSpan(), now);
            return 0;
        });
    }

    /// <summary>An e-stop channel changed at <paramref name="at"/> (from the input's debounced edge). A press latches.</summary>
    public void EmergencyStopChannelChanged(string channel, bool pressed, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        Locked(at, demands =>
        {
            var (latched, discrepancies) = _latch.ChannelChanged(channel, pressed, at);
            foreach (var discrepancy in discrepancies)
            {
                AddFault(discrepancy, Envelope.StopCategory, demands);
            }

            if (latched is not null)
            {
                StopAll(Envelope.StopCategory, latched, demands);
            }

            return 0;
        });
    }

    /// <summary>An e-stop from the console, MQTT or the dashboard: latches like a press.</summary>
    public void RequestEmergencyStop(StopSource source, string detail, DateTimeOffset at) =>
        Locked(at, demands =>
        {
            StopAll(Envelope.StopCategory, _latch.Request(source, detail, at), demands);
            return 0;
        });

    /// <summary>
    /// An explicit reset. Accepted only when every cause is gone (channels released and agreeing, devices and
    /// the control loop beating, no fault reported, no command still running); then the latch and faults
    /// clear, and nothing restarts by itself.
    /// </summary>
    public ResetResult Reset(DateTimeOffset now) => Locked(now, _ =>
    {
        var latched = _faults.Concat(_latch.LatchCauses).ToArray();
        if (latched.Length == 0)
        {
            return new ResetResult(true, [], []);
        }

        var blocking = _latch.ActiveCauses()
            .Concat(_watchdogs.Silent(now))
            .Concat(_deviceFaults.Select(fault => $"\"{fault.Key}\" still reports a fault: {fault.Value}"))
            .Concat(_actuators.Where(pair => pair.Value.Active is not null).Select(pair => $"\"{pair.Key}\" is still running command {pair.Value.Active!.Command.Id}"))
            .ToArray();
        if (blocking.Length > 0)
        {
            return new ResetResult(false, [], blocking);
        }

        _latch.Clear();
        _faults.Clear();
        _watchdogs.Rearm();
        return new ResetResult(true, latched, []);
    });

    /// <summary>A device's heartbeat (its timestamp is the time of the beat). A beat that reports a fault faults the cell.</summary>
    public void DeviceHeartbeat(Heartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        Locked(heartbeat.Timestamp, demands =>
        {
            _watchdogs.Beat(heartbeat.Device, heartbeat.Timestamp);
            var fault = heartbeat.Fault ?? (heartbeat.State == ActuatorState.Faulted ? "it reports the faulted state" : null);
            if (fault is null)
            {
                _deviceFaults.Remove(heartbeat.Device);
            }
            else if (_deviceFaults.TryAdd(heartbeat.Device, fault))
            {
                AddFault(new SafetyCause(SafetyRules.DeviceFault, $"\"{heartbeat.Device}\" reports a fault: {fault}"), Envelope.Safety.Watchdogs.StopCategory, demands);
            }

            return 0;
        });
    }

    /// <summary>
    /// A beat of the controller's own control loop. The first beat arms the control-loop watchdog; from then
    /// on a gap longer than its timeout stops everything.
    /// </summary>
    public void ControlLoopHeartbeat(DateTimeOffset at) =>
        Locked(at, _ =>
        {
            _watchdogs.Watch(ControlLoop, Envelope.Safety.Watchdogs.ControlLoopTimeout.ToTimeSpan(), at);
            _watchdogs.Beat(ControlLoop, at);
            return 0;
        });

    /// <summary>Something failed that the supervisor must know about (e.g. a stop that threw): faults the cell until a clean heartbeat.</summary>
    public void ReportDeviceFault(string actuator, string fault, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actuator);
        Locked(at, demands =>
        {
            _deviceFaults[actuator] = fault;
            AddFault(new SafetyCause(SafetyRules.DeviceFault, $"\"{actuator}\": {fault}"), Envelope.Safety.Watchdogs.StopCategory, demands);
            return 0;
        });
    }

    /// <summary>Replaces the live world facts; running commands are checked against the rules again at once.</summary>
    public void UpdateFacts(WorldFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Locked(now, demands =>
        {
            _facts = facts;
            ReviewRunning(demands);
            return 0;
        });
    }

    /// <summary>Sets one fact, e.g. <c>SetFact("(door-open)", true, now)</c>; running commands are checked again at once.</summary>
    public void SetFact(string fact, bool holds, DateTimeOffset now)
    {
        var atom = FactAtom.ParseFact(fact);
        Locked(now, demands =>
        {
            _facts = _facts.With(atom, holds);
            ReviewRunning(demands);
            return 0;
        });
    }

    /// <summary>
    /// Asks for a mode. Stricter modes (stopped, reduced speed) are always granted; returning to normal is
    /// refused while anything is latched. Fault cannot be asked for.
    /// </summary>
    public ModeChangeResult RequestMode(SafetyMode requested, DateTimeOffset now) => Locked(now, demands =>
    {
        switch (requested)
        {
            case SafetyMode.Stopped:
                _operatorStop ??= new SafetyCause(SafetyRules.OperatorStop, $"a stop was requested at {Time(now)}; ask for normal or reduced speed to leave it");
                StopAll(Envelope.StopCategory, _operatorStop, demands);
                return new ModeChangeResult(true, CurrentMode(), "stopping every actuator");
            case SafetyMode.ReducedSpeed:
                _operatingMode = SafetyMode.ReducedSpeed;
                if (!IsLatched)
                {
                    _operatorStop = null;
                }

                ReviewRunning(demands);
                return new ModeChangeResult(true, CurrentMode(), "speeds are limited to the reduced-speed scale; faster running motions are stopped");
            case SafetyMode.Normal:
                if (IsLatched)
                {
                    return new ModeChangeResult(false, CurrentMode(), $"reset first: {string.Join("; ", CurrentCauses().Select(cause => cause.Description))}");
                }

                _operatingMode = SafetyMode.Normal;
                _operatorStop = null;
                return new ModeChangeResult(true, CurrentMode(), "normal mode; nothing restarts until a new command arrives");
            default:
                return new ModeChangeResult(false, CurrentMode(), "the fault mode is entered by faults only; it cannot be requested");
        }
    });

    /// <summary>Evaluates everything that depends on time: watchdogs, e-stop discrepancy, motion deadlines.</summary>
    public void Tick(DateTimeOffset now) => Locked(now, _ => 0);

    /// <summary>Where an arm is, from a sensor reading (e.g. at start-up), so the next trajectory is checked from there.</summary>
    public void ObservePosition(string actuator, JointAngles angles, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(angles);
        Locked(at, _ =>
        {
            RecordOf(actuator).Position = angles;
            return 0;
        });
    }

    /// <summary>
    /// For callers that review whole actions rather than single commands (the runtime's gate, before dispatch and
    /// on every progress tick): null when motion may start or go on now, else the refusal (stopped or faulted
    /// mode, or an interlock that forbids all motion). Each command is still checked in full by the gate.
    /// </summary>
    public SafetyDecision? WhyNoMotion(DateTimeOffset now) => Locked(now, _ => SafetyCore.WhyNoMotion(Snapshot(string.Empty), Envelope));

    /// <summary>The decision for <paramref name="command"/> on <paramref name="actuator"/> now, without admitting it (for callers that check ahead).</summary>
    public SafetyDecision Check(string actuator, ActuatorCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Locked(now, _ => SafetyCore.Decide(Snapshot(actuator), Envelope, command));
    }

    /// <summary>
    /// Decides on <paramref name="command"/> and, when it may run, marks it running on <paramref name="actuator"/>
    /// (with its deadline) until <see cref="Completed"/>. One command per actuator at a time.
    /// </summary>
    public Admission Admit(string actuator, ActuatorCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Locked(now, _ =>
        {
            var record = RecordOf(actuator);
            if (record.Active is { } active)
            {
                return new Admission(0, actuator, SafetyDecision.Refuse(SafetyRules.Busy, $"\"{actuator}\" is still running command {active.Command.Id}; one command at a time"), record.StopEpoch);
            }

            var decision = SafetyCore.Decide(Snapshot(actuator), Envelope, command);
            if (!decision.Permits)
            {
                return new Admission(0, actuator, decision, record.StopEpoch);
            }

            var ticket = ++_lastTicket;
            record.Active = new ActiveCommand(ticket, decision.Command!, now + Envelope.Deadline(decision.Command!).ToTimeSpan());
            return new Admission(ticket, actuator, decision, record.StopEpoch);
        });
    }

    /// <summary>True when a stop was demanded for the admission's actuator after it was admitted.</summary>
    public bool StopDemandedSince(Admission admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        lock (_gate)
        {
            return RecordOf(admission.Actuator).StopEpoch != admission.StopEpoch;
        }
    }

    /// <summary>An admitted command ended (<paramref name="outcome"/> null when it threw).</summary>
    public void Completed(Admission admission, CommandOutcome? outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(admission);
        Locked(now, _ =>
        {
            var record = RecordOf(admission.Actuator);
            if (record.Active?.Ticket != admission.Ticket)
            {
                return 0;
            }

            if (outcome is { Status: CommandStatus.Completed })
            {
                switch (record.Active.Command)
                {
                    case FollowTrajectory follow:
                        record.Position = follow.Trajectory.End;
                        break;
                    case SetDigitalOutput { Active: true } on:
                        record.OnOutputs.Add(on.Output);
                        break;
                    case SetDigitalOutput off:
                        record.OnOutputs.Remove(off.Output);
                        break;
                }
            }

            record.Active = null;
            return 0;
        });
    }

    /// <summary>
    /// Progress reported by a guarded actuator: each written position is checked against the envelope (a
    /// breach faults the cell with a category 0 stop) and becomes the arm's known position.
    /// </summary>
    public void ObserveFeedback(string actuator, ActuatorFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        Locked(feedback.Timestamp, demands =>
        {
            var record = RecordOf(actuator);
            if (feedback.Commanded is { } written)
            {
                if (SafetyCore.CheckWrittenPosition(Envelope, record.Position, written) is { } breach)
                {
                    AddFault(new SafetyCause(SafetyRules.EnvelopeBreach, $"\"{actuator}\" wrote a position the envelope forbids ({breach.Rule}: {breach.Reason})"), StopCategory.Uncontrolled, demands);
                }

                record.Position = written;
            }

            if (record.Active is { Command: FollowTrajectory follow } active && active.Command.Id == feedback.CommandId)
            {
                var lastWritten = (int)Math.Round(feedback.Completion * (follow.Trajectory.Samples.Count - 1));
                active.NextSample = Math.Max(active.NextSample, lastWritten + 1);
            }

            if (feedback.Status == FeedbackStatus.Stopped)
            {
                record.OnOutputs.Clear();
            }

            return 0;
        });
    }

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
