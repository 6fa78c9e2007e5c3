using System.Diagnostics;

namespace RoboLam.Sim.Time;

/// <summary>
/// Drives a <see cref="VirtualClock"/> from a thread of its own while real code (drivers, actors) runs against it:
/// while something moves (<c>isBusy</c>) it advances in small steps as fast as the CPU allows; while nothing moves
/// (the controller is thinking) it follows real time, so planning does not look slower than it is.
/// </summary>
public sealed class ClockPacer : IDisposable
{
    private readonly VirtualClock _clock;
    private readonly Func<bool> _isBusy;
    private readonly TimeSpan _step;
    private readonly Thread _thread;
    private readonly Stopwatch _started = Stopwatch.StartNew();
    private volatile bool _stopping;
    private long _fastVirtualTicks;
    private long _fastRealTicks;

    /// <param name="clock">The clock to drive.</param>
    /// <param name="isBusy">True while an actuator runs a command; asked before every step.</param>
    /// <param name="step">Virtual time per step while busy (the finer, the closer real threads follow the motion).</param>
    public ClockPacer(VirtualClock clock, Func<bool> isBusy, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(isBusy);
        _clock = clock;
        _isBusy = isBusy;
        _step = step;
        _thread = new Thread(Run) { IsBackground = true, Name = "virtual-clock" };
        _thread.Start();
    }

    /// <summary>Raised on the pacing thread when a step throws; the pacer stops.</summary>
    public event Action<Exception>? Failed;

    /// <summary>Virtual time that passed while something moved.</summary>
    public TimeSpan BusyVirtualTime => TimeSpan.FromTicks(Interlocked.Read(ref _fastVirtualTicks));

    /// <summary>Real time those busy steps took.</summary>
    public TimeSpan BusyRealTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _fastRealTicks));

    /// <summary>Real time since the pacer started.</summary>
    public TimeSpan RealTime => _started.Elapsed;

    public void Dispose()
    {
        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        var lastReal = Stopwatch.GetTimestamp();
        try
        {
            while (!_stopping)
            {
                if (_isBusy())
                {
                    var before = Stopwatch.GetTimestamp();
                    _clock.Advance(_step);
                    Interlocked.Add(ref _fastRealTicks, Stopwatch.GetTimestamp() - before);
                    Interlocked.Add(ref _fastVirtualTicks, _step.Ticks);

                    // The actors that follow the motion share the machine's cores with this thread.
                    Thread.Yield();
                    lastReal = Stopwatch.GetTimestamp();
                    continue;
                }

                Thread.Sleep(1);
                var now = Stopwatch.GetTimestamp();
                var real = Stopwatch.GetElapsedTime(lastReal, now);
                lastReal = now;
                _clock.Advance(real > _step ? _step : real);
            }
        }
        catch (Exception exception)
        {
            Failed?.Invoke(exception);
        }
    }
}
