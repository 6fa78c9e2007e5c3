using Akka.Actor;
using Akka.TestKit;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.Tests.Support;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests;

/// <summary>The control loop's heartbeat: armed at start, beating through the world model, silent when it hangs.</summary>
public sealed class ControlLoopTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void The_loop_beats_at_start_and_then_every_period_through_the_world_model()
    {
        var beats = CreateTestProbe();
        var world = Sys.ActorOf(WorldModelActor.Props(Domains.TabletopWorld, Gripper.Sensing));

        Sys.ActorOf(ControlLoopActor.Props(new ControlLoopSettings(new ProbeHeartbeat(beats), s_period), world));

        for (var beat = 0; beat < 5; beat++)
        {
            beats.ExpectMsg<string>("beat");
        }
    }

    [Fact]
    public void A_world_model_that_never_answers_stops_the_beats_after_the_first_and_gets_one_probe_at_a_time()
    {
        var beats = CreateTestProbe();
        var hungWorld = CreateTestProbe();

        Sys.ActorOf(ControlLoopActor.Props(new ControlLoopSettings(new ProbeHeartbeat(beats), s_period), hungWorld));

        beats.ExpectMsg<string>("beat");
        hungWorld.ExpectMsg<GetWorld>();
        var loop = hungWorld.LastSender;
        hungWorld.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        beats.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        loop.Tell(new WorldSnapshot("control-loop", Domains.TabletopWorld), hungWorld);
        beats.ExpectMsg<string>("beat");
    }

    [Fact]
    public void A_controller_with_a_control_loop_beats_from_its_start()
    {
        var beats = CreateTestProbe();
        var setup = ControllerSetups.Tabletop(new ScriptedActuator("arm")) with { ControlLoop = new ControlLoopSettings(new ProbeHeartbeat(beats), s_period) };

        Sys.ActorOf(ControllerActor.Props(setup), "robolam");

        beats.ExpectMsg<string>("beat");
        beats.ExpectMsg<string>("beat");
    }

    private sealed class ProbeHeartbeat(TestProbe probe) : IControlLoopHeartbeat
    {
        public void Beat() => probe.Ref.Tell("beat");
    }
}
