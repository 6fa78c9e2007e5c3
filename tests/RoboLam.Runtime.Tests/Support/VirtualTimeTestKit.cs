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
}
