using RoboLam.Safety.Supervisor;

namespace RoboLam.Safety.Gate;

/// <summary>
/// Calls <see cref="SafetySupervisor.Tick"/> periodically on the given clock, so watchdogs, e-stop
/// discrepancies and motion deadlines are noticed even when no other input arrives. The clock is injected
/// (real time, or the simulator's virtual clock); the supervisor itself never reads one.
/// </summary>
public sealed class SupervisorTicker : IDisposable
{
    private readonly ITimer _timer;

    public SupervisorTicker(SafetySupervisor supervisor, TimeProvider timeProvider, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _timer = timeProvider.CreateTimer(_ => supervisor.Tick(timeProvider.GetUtcNow()), null, period, period);
    }

    public void Dispose() => _timer.Dispose();
}
