using System.Diagnostics;

namespace RoboLam.Sim.Time;

/// <summary>How a <see cref="ClockPacer"/> moves the clock at a given moment.</summary>
public enum Pace
{
    /// <summary>Nothing moves: follow real time, so the controller's thinking takes the time it really takes.</summary>
    RealTime,

    /// <summary>Something moves: advance in small steps as fast as the CPU allows.</summary>
    Fast,

    /// <summary>A real thread is between decisions on virtual time (a command being dispatched): do not advance.</summary>
    Hold,
}

/// <summary>
/// Drives a <see cref="VirtualClock"/> from a thread of its own while real code (drivers, actors) runs against it,
/// at the <see cref="Pace"/> the caller asks for before every step: fast while something moves, real time while
/// the controller thinks, held while a command is being dispatched (so a thread that is preempted half-way
/// through starting a motion does not find its deadline already gone).
/// </summary>
public sealed class ClockPacer : IDisposable
{
    private readonly VirtualClock _clock;
    private readonly Func<Pace> _pace;
    private readonly TimeSpan _step;
    private readonly Thread _thread;
    private readonly Stopwatch _started = Stopwatch.StartNew();
    private volatile bool _stopping;
    private long _fastVirtualTicks;
    private long _fastRealTicks;

    /// <param name="clock">The clock to drive.</param>
    /// <param name="pace">Asked before every step.</param>
    /// <param name="step">Virtual time per step (the finer, the closer real threads follow the motion).</param>
    public ClockPacer(VirtualClock clock, Func<Pace> pace, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(pace);
        _clock = clock;
        _pace = pace;
        _step = step;
        _thread = new Thread(Run) { IsBackground = true, Name = "virtual-clock" };
        _thread.Start();
    }

    /// <summary>Raised on the pacing thread when a step throws; the pacer stops.</summary>
    public event Action<Exception>? Failed;

    /// <summary>Virtual time that passed while something moved.</summary>
    public TimeSpan BusyVirtualTime => TimeSpan.FromTicks(Interlocked.Read(ref _fastVirtualTicks));

    /// <summary>Real (wall) time those busy steps took.</summary>
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
                var pace = _pace();
                if (pace == Pace.Hold)
                {
                    Thread.Yield();
                    lastReal = Stopwatch.GetTimestamp();
                    continue;
                }

                if (pace == Pace.Fast)
                {
                    // No pause between steps: drivers, gate and physics run inline on this thread, and the actors that
                    // follow the motion only observe it (the gate in the driver path decides on every command).
                    _clock.Advance(_step);
                    var stepped = Stopwatch.GetTimestamp();
                    Interlocked.Add(ref _fastRealTicks, stepped - lastReal);
                    Interlocked.Add(ref _fastVirtualTicks, _step.Ticks);
                    lastReal = stepped;
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
