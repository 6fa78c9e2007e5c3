using Akka.Actor;
using RoboLam.Runtime.Messages;

namespace RoboLam.Runtime.Devices;

/// <summary>
/// Parent of the device actors (<c>device-{id}</c>). IO faults restart a device actor; a safety violation stops
/// it (its action's executor has already heard the command end Stopped, and anything later sent to it fails
/// because the executor watches it); anything unknown escalates to the controller. A device actor reports the
/// driver's exception wrapped in <see cref="DeviceFaultException"/>; the decision is made on what it wraps.
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
            Decide);

    internal static Directive Decide(Exception exception) =>
        (exception is DeviceFaultException { InnerException: { } inner } ? inner : exception) switch
        {
            SafetyViolationException => Directive.Stop,
            IOException or TimeoutException => Directive.Restart,
            _ => Directive.Escalate,
        };
}
