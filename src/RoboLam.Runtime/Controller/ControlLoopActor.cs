using Akka.Actor;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Safety;

namespace RoboLam.Runtime.Controller;

/// <summary>
/// The control loop's heartbeat (<c>/user/robolam/control-loop</c>): beats once at start, which arms the safety
/// watchdog from the start of the run, then on each period of the given clock sends a probe through the world
/// model and beats when it comes back. One probe at a time: a stuck world model gets no pile of probes, only silence.
/// </summary>
internal sealed class ControlLoopActor : ReceiveActor
{
    private static readonly GetWorld s_probe = new("control-loop");
    private readonly ControlLoopSettings _settings;
    private readonly IActorRef _world;
    private ITimer? _timer;
    private bool _probing;

    public ControlLoopActor(ControlLoopSettings settings, IActorRef world)
    {
        _settings = settings;
        _world = world;
        Receive<Pulse>(_ =>
        {
            if (!_probing)
            {
                _probing = true;
                _world.Tell(s_probe);
            }
        });
        Receive<WorldSnapshot>(_ =>
        {
            _probing = false;
            _settings.Heartbeat.Beat();
        });
    }

    public static Props Props(ControlLoopSettings settings, IActorRef world) => Akka.Actor.Props.Create(() => new ControlLoopActor(settings, world));

    protected override void PreStart()
    {
        _settings.Heartbeat.Beat();
        var self = Self;
        _timer = _settings.Clock.CreateTimer(_ => self.Tell(Pulse.Instance), null, _settings.Period, _settings.Period);
    }

    protected override void PostStop() => _timer?.Dispose();

    private sealed class Pulse
    {
        public static readonly Pulse Instance = new();
    }
}
