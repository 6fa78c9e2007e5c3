using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Line;

namespace RoboLam.Sim.Tests;

/// <summary>A simulated device's memory of the commands it ran: outcomes kept for repeats, bounded, and a second run counted.</summary>
public sealed class RecentCommandsTests
{
    [Fact]
    public void A_command_run_once_is_remembered_with_its_outcome()
    {
        var recent = new RecentCommands(4);
        recent.Started("c1");
        Assert.Equal(1, recent.TimesRun("c1"));
        Assert.False(recent.TryGetOutcome("c1", out _));

        var completed = new ProgressMessage("c1", 1, ProgressStatus.Completed);
        recent.Ended("c1", completed);

        Assert.True(recent.TryGetOutcome("c1", out var outcome));
        Assert.Same(completed, outcome);
        Assert.Equal(0, recent.RunAgain);
    }

    [Fact]
    public void The_oldest_id_is_forgotten_once_capacity_newer_ones_ran()
    {
        var recent = new RecentCommands(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            recent.Started(id);
            recent.Ended(id, new ProgressMessage(id, 1, ProgressStatus.Completed));
        }

        Assert.Equal(0, recent.TimesRun("a"));
        Assert.False(recent.TryGetOutcome("a", out _));
        Assert.All(new[] { "b", "c", "d" }, id => Assert.Equal(1, recent.TimesRun(id)));
    }

    [Fact]
    public void Running_a_remembered_id_again_is_counted()
    {
        var recent = new RecentCommands(8);
        recent.Started("x");
        recent.Started("x");

        Assert.Equal(2, recent.TimesRun("x"));
        Assert.Equal(1, recent.RunAgain);
    }

    [Fact]
    public void An_end_for_an_id_never_run_is_not_recorded()
    {
        var recent = new RecentCommands(2);
        recent.Ended("ghost", new ProgressMessage("ghost", 0, ProgressStatus.Failed, "never started"));

        Assert.Equal(0, recent.TimesRun("ghost"));
        Assert.False(recent.TryGetOutcome("ghost", out _));
    }

    [Fact]
    public void A_device_remembers_at_least_one_command() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentCommands(0));
}
