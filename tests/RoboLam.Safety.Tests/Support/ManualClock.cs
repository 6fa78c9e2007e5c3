namespace RoboLam.Safety.Tests.Support;

/// <summary>
/// A clock for tests: time moves only in <see cref="Advance"/>, in steps no longer than the step size,
/// firing due timers in order and telling <see cref="Advanced"/> after each step (the recording arm writes
/// its due samples then).
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<Timer> _timers = [];

    public DateTimeOffset Now { get; private set; } = Start;

    public TimeSpan Step { get; set; } = TimeSpan.FromMilliseconds(10);

    public event Action? Advanced;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (Now - Start).Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan delta)
    {
        var target = Now + delta;
        while (Now < target)
        {
            var next = Now + Step < target ? Now + Step : target;
            var due = _timers.Where(timer => timer.Due is not null).Select(timer => timer.Due!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (due < next)
            {
                next = due > Now ? due : next;
            }

            Now = next;
            foreach (var timer in _timers.Where(timer => timer.Due <= Now).ToArray())
            {
                timer.Fire();
            }

            Advanced?.Invoke();
        }
    }

    public void Advance(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
            if (!clock._timers.Contains(this))
            {
                clock._timers.Add(this);
            }

            return true;
        }

        public void Fire()
        {
            Due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? Due + _period : null;
            callback(state);
        }

        public void Dispose() => clock._timers.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
