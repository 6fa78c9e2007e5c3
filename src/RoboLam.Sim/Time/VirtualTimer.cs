namespace RoboLam.Sim.Time;

/// <summary>A timer on a <see cref="VirtualClock"/>: due and period in virtual ticks.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    private long _periodTicks = -1;
    private bool _disposed;

    public long DueTicks { get; private set; } = long.MaxValue;

    public long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        DueTicks = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : clock.NowTicks + Math.Max(0, dueTime.Ticks);
        _periodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? -1 : period.Ticks;
        clock.Register(this);
        return true;
    }

    /// <summary>Called under the clock's lock when the timer fires: re-arm a periodic timer or drop a one-shot.</summary>
    public void Reschedule(List<VirtualTimer> timers)
    {
        timers.Remove(this);
        if (_periodTicks > 0 && !_disposed)
        {
            DueTicks += _periodTicks;
            Sequence = clock.NextSequence();
            timers.Add(this);
        }
        else
        {
            DueTicks = long.MaxValue;
        }
    }

    public void Fire()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Unregister(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
