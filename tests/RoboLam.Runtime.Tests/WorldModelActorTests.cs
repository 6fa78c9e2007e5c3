using Akka.Actor;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

public sealed class WorldModelActorTests : VirtualTimeTestKit
{
    [Fact]
    public void A_reading_becomes_facts_through_the_sensing_table_and_subscribers_hear_the_change()
    {
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing), "world-model");
        world.Tell(new SubscribeToWorld("s1"));
        ExpectMsg<WorldChanged>(changed => Assert.True(changed.World.Holds(Gripper.HandEmpty)));

        world.Tell(new SensorReadingReceived("arm", Gripper.Holds(true)));

        var change = ExpectMsg<WorldChanged>();
        Assert.False(change.World.Holds(Gripper.HandEmpty));
        Assert.Equal(1, change.World.Version);
        Assert.Contains("arm/object-held", change.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensing_that_contradicts_a_watched_fact_is_reported_to_the_watcher()
    {
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing));
        world.Tell(new WatchFacts("plan-1", [Gripper.HandEmpty, GroundFact.Of("clear", "r1")]));

        world.Tell(new SensorReadingReceived("arm", Gripper.Holds(true)));

        var contradiction = ExpectMsg<FactContradicted>();
        Assert.Equal("plan-1", contradiction.WatchId);
        Assert.Equal(Gripper.HandEmpty, contradiction.Fact);
        Assert.True(contradiction.Believed);
        Assert.False(contradiction.Sensed);
    }

    [Fact]
    public void Confirmed_effects_wait_for_the_sensor_and_are_applied_when_it_agrees()
    {
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing));
        var pick = Domains.Tabletop.Ground(Domains.Action("(pick r1)")).PredictEffects(Domains.TabletopWorld);

        world.Tell(new ConfirmEffects("a1", pick, TimeSpan.FromSeconds(1)));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        world.Tell(new SensorReadingReceived("arm", Gripper.Holds(true)));

        ExpectMsg<EffectsConfirmed>(confirmed => Assert.Equal("a1", confirmed.ActionId));
        world.Tell(new GetWorld("q"));
        var snapshot = ExpectMsg<WorldSnapshot>().World;
        Assert.True(snapshot.Holds(GroundFact.Of("holding", "r1")));
        Assert.False(snapshot.Holds(GroundFact.Of("on-table", "r1")));
    }

    [Fact]
    public void Effects_the_sensor_does_not_show_within_the_settle_time_are_reported_with_what_was_sensed()
    {
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing));
        var pick = Domains.Tabletop.Ground(Domains.Action("(pick r1)")).PredictEffects(Domains.TabletopWorld);

        var executor = CreateTestProbe();
        world.Tell(new ConfirmEffects("a1", pick, TimeSpan.FromSeconds(1)), executor);

        var rejected = AdvanceUntil<EffectsNotSensed>(executor);
        Assert.Equal(["expected (not (hand-empty)), sensed (hand-empty)"], rejected.Mismatches);
        world.Tell(new GetWorld("q"));
        Assert.False(ExpectMsg<WorldSnapshot>().World.Holds(GroundFact.Of("holding", "r1")));
    }

    [Fact]
    public void Effects_on_facts_no_sensor_observes_are_confirmed_at_once()
    {
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, DigitalInputFacts.None));
        var pick = Domains.Tabletop.Ground(Domains.Action("(pick r1)")).PredictEffects(Domains.TabletopWorld);

        world.Tell(new ConfirmEffects("a1", pick, TimeSpan.Zero));

        Assert.Equal(1, ExpectMsg<EffectsConfirmed>().Version);
    }
}
