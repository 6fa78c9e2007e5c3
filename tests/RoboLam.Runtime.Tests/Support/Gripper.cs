using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>The tabletop arm's one sensor: the gripper's object-held input decides (hand-empty).</summary>
internal static class Gripper
{
    public static GroundFact HandEmpty { get; } = GroundFact.Of("hand-empty");

    public static DigitalInputFacts Sensing { get; } = new(
    [
        new DigitalInputRule("object-held", Active: true, [new SensedFact(HandEmpty, false)]),
        new DigitalInputRule("object-held", Active: false, [new SensedFact(HandEmpty, true)]),
    ]);

    public static DigitalInputReading Holds(bool active) =>
        new("object-held", DateTimeOffset.UnixEpoch, InputRole.ObjectHeld, active);
}
