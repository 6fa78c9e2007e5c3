using Akka.Actor;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// Parent of the device actors (<c>device-{id}</c>). IO faults restart a device actor; a safety violation stops
/// it (the action executor watching it then fails its action); anything unknown escalates.
/// </summary>
public sealed class DeviceSupervisorActor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _devices = new(StringComparer.Ordinal);

    public DeviceSupervisorActor(IReadOnlyList<DeviceSetup> devices, IActorRef worldModel)
    {
        foreach (var setup in devices)
        {
            _devices.Add(setup.DeviceId, Context.ActorOf(DeviceActor.Props(setup, worldModel), ActorNames.For("device", setup.DeviceId)));
        }

        Receive<GetDeviceDirectory>(message => Sender.Tell(new DeviceDirectory(message.RequestId, _devices.AsReadOnly())));
    }

    public static Props Props(IReadOnlyList<DeviceSetup> devices, IActorRef worldModel) =>
        Akka.Actor.Props.Create(() => new DeviceSupervisorActor(devices, worldModel));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(
            maxNrOfRetries: 5,
            withinTimeRange: TimeSpan.FromMinutes(1),
            exception => exception switch
            {
                SafetyViolationException => Directive.Stop,
                IOException or TimeoutException => Directive.Restart,
                _ => Directive.Escalate,
            });
}
