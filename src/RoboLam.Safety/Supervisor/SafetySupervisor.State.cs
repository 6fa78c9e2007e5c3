using System.Globalization;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;

namespace RoboLam.Safety.Supervisor;

/// <summary>The supervisor's state and the steps every input shares: time evaluation, faults, stops, review of running commands.</summary>
public sealed partial class SafetySupervisor
{
    private bool IsLatched => _faults.Count > 0 || _latch.IsLatched;

    /// <summary>
    /// Runs <paramref name="body"/> under the lock after evaluating the time-based rules at
    /// <paramref name="now"/>, then raises the stop demands collected, outside the lock.
    /// </summary>
    private T Locked<T>(DateTimeOffset now, Func<List<StopDemand>, T> body)
    {
        var demands = new List<StopDemand>();
        T result;
        lock (_gate)
        {
            EvaluateTime(now, demands);
            result = body(demands);
        }

        Raise(demands);
        return result;
    }

    private void EvaluateTime(DateTimeOffset now, List<StopDemand> demands)
    {
        foreach (var discrepancy in _latch.CheckDiscrepancy(now))
        {
            AddFault(discrepancy, Envelope.StopCategory, demands);
        }

        foreach (var silence in _watchdogs.Trip(now))
        {
            AddFault(new SafetyCause(SafetyRules.Watchdog, silence), Envelope.Safety.Watchdogs.StopCategory, demands);
        }

        foreach (var (name, record) in _actuators)
        {
            if (record.Active is { Overran: false } active && now > active.Deadline)
            {
                active.Overran = true;
                var late = (now - active.Deadline).TotalMilliseconds;
                AddFault(
                    new SafetyCause(SafetyRules.MotionDeadline, string.Create(CultureInfo.InvariantCulture, $"\"{name}\" is still running command {active.Command.Id} {late:0} ms after its deadline (its planned duration plus {Envelope.Safety.MotionDeadlineSlack.Seconds:0.###} s)")),
                    Envelope.StopCategory,
                    demands);
            }
        }
    }

    private void AddFault(SafetyCause cause, StopCategory category, List<StopDemand> demands)
    {
        _faults.Add(cause);
        StopAll(category, cause, demands);
    }

    private void StopAll(StopCategory category, SafetyCause cause, List<StopDemand> demands)
    {
        foreach (var record in _actuators.Values)
        {
            record.StopEpoch++;
            record.OnOutputs.Clear();
        }

        demands.Add(new StopDemand(null, new StopRequest(category, cause.ToString()), cause.Rule));
    }

    private void StopActuator(string actuator, SafetyDecision refusal, List<StopDemand> demands)
    {
        var record = RecordOf(actuator);
        record.StopEpoch++;
        record.OnOutputs.Clear();
        demands.Add(new StopDemand(actuator, new StopRequest(Envelope.StopCategory, $"{refusal.Rule}: {refusal.Reason}"), refusal.Rule));
    }

    /// <summary>Checks every running command and every output that is on against the rules as they are now; stops what breaks one.</summary>
    private void ReviewRunning(List<StopDemand> demands)
    {
        if (CurrentMode() is SafetyMode.Stopped or SafetyMode.Fault)
        {
            return;
        }

        foreach (var (name, record) in _actuators)
        {
            if (record.Active is { } active)
            {
                var decision = SafetyCore.CheckRunning(Snapshot(name), Envelope, active.Command, active.NextSample);
                if (!decision.Permits)
                {
                    StopActuator(name, decision, demands);
                    continue;
                }
            }

            if (SafetyCore.OutputsToSwitchOff(Envelope, _facts, record.OnOutputs) is [var (output, rule), ..])
            {
                StopActuator(name, SafetyDecision.Refuse(SafetyRules.Interlock(rule.Name), $"interlock \"{rule.Name}\" forbids output \"{output}\" being on while {rule.While}"), demands);
            }
        }
    }

    private SafetyMode CurrentMode()
    {
        if (_faults.Count > 0)
        {
            return SafetyMode.Fault;
        }

        return _latch.IsLatched || _operatorStop is not null || !_latch.AllReported ? SafetyMode.Stopped : _operatingMode;
    }

    private IReadOnlyList<SafetyCause> CurrentCauses()
    {
        // The usual answer on every review of a running line: nothing holds the cell.
        if (_faults.Count == 0 && _latch.LatchCauses.Count == 0 && _operatorStop is null && _latch.AllReported)
        {
            return [];
        }

        var causes = new List<SafetyCause>(_faults);
        causes.AddRange(_latch.LatchCauses);
        if (_operatorStop is not null)
        {
            causes.Add(_operatorStop);
        }

        causes.AddRange(_latch.NotReady());
        return causes;
    }

    private SafetySnapshot Snapshot(string actuator) =>
        new(CurrentMode(), CurrentCauses(), _facts, _actuators.TryGetValue(actuator, out var record) ? record.Position : null);

    private ActuatorRecord RecordOf(string actuator)
    {
        if (!_actuators.TryGetValue(actuator, out var record))
        {
            record = new ActuatorRecord();
            _actuators[actuator] = record;
        }

        return record;
    }

    /// <summary>Tells every subscriber, even when one of them throws; the first failures are rethrown together afterwards.</summary>
    private void Raise(List<StopDemand> demands)
    {
        if (demands.Count == 0 || StopDemanded is not { } handlers)
        {
            return;
        }

        List<Exception>? failures = null;
        foreach (var demand in demands)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<StopDemand>>())
            {
                try
                {
                    handler(this, demand);
                }
                catch (Exception exception)
                {
                    (failures ??= []).Add(exception);
                }
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("A stop-demand handler failed; every other handler was still called.", failures);
        }
    }

    private sealed class ActuatorRecord
    {
        /// <summary>The arm position last written (from feedback or a completed trajectory), when known.</summary>
        public JointAngles? Position { get; set; }

        public ActiveCommand? Active { get; set; }

        /// <summary>Counts stop demands for this actuator; an admission remembers the count it saw.</summary>
        public long StopEpoch { get; set; }

        public HashSet<string> OnOutputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class ActiveCommand(long ticket, ActuatorCommand command, DateTimeOffset deadline)
    {
        public long Ticket { get; } = ticket;

        public ActuatorCommand Command { get; } = command;

        public DateTimeOffset Deadline { get; } = deadline;

        /// <summary>The first trajectory sample not yet reported written.</summary>
        public int NextSample { get; set; }

        public bool Overran { get; set; }
    }
}
