using RoboLam.Hardware.Contracts;

namespace RoboLam.Runtime.World;

/// <summary>What one digital input means when it is active or inactive, e.g. "gripper-held active → (not (hand-empty))".</summary>
public sealed record DigitalInputRule(string Sensor, bool Active, IReadOnlyList<SensedFact> Facts);

/// <summary>
/// Table-driven sensing for digital inputs (object-held, part-present, door switches): each rule maps one
/// input's state to facts. Other readings say nothing symbolic.
/// </summary>
public sealed class DigitalInputFacts : IFactSensing
{
    private readonly IReadOnlyList<DigitalInputRule> _rules;
    private readonly HashSet<GroundFact> _observable;

    public DigitalInputFacts(IEnumerable<DigitalInputRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.ToArray();
        _observable = _rules.SelectMany(rule => rule.Facts).Select(value => value.Fact).ToHashSet();
    }

    /// <summary>No sensors: every effect is taken as confirmed by the device's completion.</summary>
    public static DigitalInputFacts None { get; } = new([]);

    public IReadOnlyList<SensedFact> Interpret(string deviceId, SensorReading reading, WorldState world) =>
        reading is DigitalInputReading input
            ? _rules.Where(rule => rule.Sensor == input.Sensor && rule.Active == input.Active).SelectMany(rule => rule.Facts).ToArray()
            : [];

    public bool IsObservable(GroundFact fact) => _observable.Contains(fact);
}
