using System.Diagnostics;
using RoboLam.Runtime.Safety;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Cli;

/// <summary>
/// The runtime's control-loop beat given to RoboLam.Safety's control-loop watchdog, stamped with the cell's clock
/// (real time, or the simulator's virtual clock). Remembers when it last beat on both clocks, so a simulator can
/// keep its virtual clock from running away from a controller that lags. One adapter for every composition.
/// </summary>
internal sealed class SupervisorHeartbeat(SafetySupervisor supervisor, TimeProvider time) : IControlLoopHeartbeat
{
    private long _lastVirtualTicks = -1;
    private long _lastRealTimestamp;

    /// <summary>False until the first beat (the watchdog is not armed before it).</summary>
    public bool HasBeaten => Interlocked.Read(ref _lastVirtualTicks) >= 0;

    /// <summary>Time on the cell's clock since the last beat (zero before the first).</summary>
    public TimeSpan SinceLastBeat => HasBeaten ? time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _lastVirtualTicks), TimeSpan.Zero) : TimeSpan.Zero;

    /// <summary>Real (wall) time since the last beat (zero before the first).</summary>
    public TimeSpan RealSinceLastBeat => HasBeaten ? Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRealTimestamp)) : TimeSpan.Zero;

    public void Beat()
    {
        var now = time.GetUtcNow();
        Interlocked.Exchange(ref _lastRealTimestamp, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _lastVirtualTicks, now.UtcTicks);
        supervisor.ControlLoopHeartbeat(now);
    }
}
