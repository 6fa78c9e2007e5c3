namespace RoboLam.Sim.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to. Timers (and so
/// <c>Task.Delay(..., timeProvider)</c>) fire in due order on the thread that advances the clock, so code
/// that awaits with <c>ConfigureAwait(false)</c> runs to its next delay before <see cref="Advance"/> returns:
/// a simulation is deterministic and runs as fast as the CPU allows.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private long _elapsedTicks;
    private long _sequence;

    public VirtualClock(DateTimeOffset? start = null)
    {
        _start = start ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Virtual time since the clock was made.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs <paramref name="action"/> once at <paramref name="at"/> virtual time after the clock's start.</summary>
    public ITimer At(TimeSpan at, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var due = at - Elapsed;
        return CreateTimer(_ => action(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The virtual time of the next timer due, if any.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : TimeSpan.FromTicks(_timers.Min(timer => timer.DueTicks));
            }
        }
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Virtual time only moves forward.");
        }

        AdvanceTo(Elapsed + delta);
    }

    /// <summary>Moves time forward to <paramref name="target"/> (since the start), firing due timers in order.</summary>
    public void AdvanceTo(TimeSpan target)
    {
        // Continuations of ConfigureAwait(false) awaits only run inline where there is no synchronization
        // context; a test framework's context would push them to the thread pool, racing the clock.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            FireDueTimers(target);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private void FireDueTimers(TimeSpan target)
    {
        while (true)
        {
            VirtualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(timer => timer.DueTicks <= target.Ticks)
                    .OrderBy(timer => timer.DueTicks).ThenBy(timer => timer.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    if (target.Ticks > _elapsedTicks)
                    {
                        Interlocked.Exchange(ref _elapsedTicks, target.Ticks);
                    }

                    return;
                }

                if (next.DueTicks > _elapsedTicks)
                {
                    Interlocked.Exchange(ref _elapsedTicks, next.DueTicks);
                }

                next.Reschedule(_timers);
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Advances from timer to timer until <paramref name="work"/> completes, and returns its result. When no
    /// timer is pending it gives real threads a moment (work handed to the thread pool) before deciding the
    /// simulation is stuck.
    /// </summary>
    /// <exception cref="TimeoutException">More than <paramref name="limit"/> of virtual time passed, or nothing was left to run.</exception>
    public async Task<T> RunUntilAsync<T>(Task<T> work, TimeSpan limit)
    {
        await RunUntilAsync((Task)work, limit).ConfigureAwait(false);
        return await work.ConfigureAwait(false);
    }

    /// <inheritdoc cref="RunUntilAsync{T}(Task{T}, TimeSpan)"/>
    public async Task RunUntilAsync(Task work, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(work);
        var deadline = Elapsed + limit;
        var idleSpins = 0;
        while (!work.IsCompleted)
        {
            var due = NextDue;
            if (due is { } next && next <= deadline)
            {
                idleSpins = 0;
                AdvanceTo(next);
                continue;
            }

            // Nothing due soon in virtual time: let real threads finish what they were handed.
            if (++idleSpins > 200)
            {
                throw new TimeoutException(due is null
                    ? $"The simulation is stuck at {Elapsed}: the work is waiting but nothing is scheduled."
                    : $"The work did not finish within {limit} of virtual time (now {Elapsed}).");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }

        await work.ConfigureAwait(false);
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Register(VirtualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (timer.DueTicks != long.MaxValue)
            {
                timer.Sequence = NextSequence();
                _timers.Add(timer);
            }
        }
    }

    internal void Unregister(VirtualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    internal long NowTicks => Interlocked.Read(ref _elapsedTicks);
}
