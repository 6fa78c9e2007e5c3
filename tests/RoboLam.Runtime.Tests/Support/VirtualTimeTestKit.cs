using Akka.Configuration;
using Akka.TestKit;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>A TestKit whose scheduler is virtual: timers fire only when a test advances the clock.</summary>
public abstract class VirtualTimeTestKit : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Config s_config = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = WARNING
        akka.test.timefactor = 1
        """);

    protected VirtualTimeTestKit()
        : base(s_config)
    {
    }

    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>Advances virtual time in small steps so that timers set while handling earlier ones fire too.</summary>
    protected void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var elapsed = TimeSpan.Zero; elapsed < by; elapsed += step)
        {
            Clock.Advance(by - elapsed < step ? by - elapsed : step);
        }
    }

    /// <summary>
    /// Advances virtual time in 100 ms steps until <paramref name="probe"/> receives a <typeparamref name="T"/>,
    /// letting the actors handle each step, so a timer started after the call began still fires.
    /// </summary>
    protected T AdvanceUntil<T>(TestProbe probe, TimeSpan? limit = null)
    {
        var steps = (int)((limit ?? TimeSpan.FromSeconds(30)).TotalMilliseconds / 100);
        for (var step = 0; step < steps; step++)
        {
            while (probe.ReceiveOne(TimeSpan.FromMilliseconds(10)) is { } message)
            {
                if (message is T expected)
                {
                    return expected;
                }
            }

            Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        throw new InvalidOperationException($"no {typeof(T).Name} within {limit ?? TimeSpan.FromSeconds(30)} of virtual time");
    }
}
