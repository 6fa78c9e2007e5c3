namespace RoboLam.Sim.Line;

/// <summary>
/// A factory-line scenario (<c>sim/factory-*.json</c>): the cell and its simulated devices with their timing and
/// faults, the PDDL domain and problem (world and order), which device runs which action, how fast simulated time
/// runs, the seed, timed events (a broker restart), and the outcome expected. Read it with <see cref="LineScenarioReader"/>.
/// </summary>
public sealed record LineScenario(
    string Name,
    string Description,
    string Cell,
    string DomainFile,
    string ProblemFile,
    string Order,
    double TimeScale,
    int Seed,
    IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyList<DeviceProfile> Devices,
    IReadOnlyList<ScenarioEvent> Events,
    ScenarioExpectation Expect)
{
    /// <summary>The broker the scenario names (<c>mqtt://host:port</c>); null for the embedded one. <c>--broker</c> overrides it.</summary>
    public string? Broker { get; init; }

    /// <summary>An action may take this many times its device's nominal (slowed) duration before it is overrun.</summary>
    public double DeadlineFactor { get; init; } = 3.0;

    /// <summary>The nominal duration of one operation of <paramref name="device"/>, in real time.</summary>
    public TimeSpan RealDuration(DeviceProfile device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Duration * device.Faults.SlowFactor * TimeScale;
    }
}

/// <summary>Something the scenario does at a simulated time: <c>restart-broker</c> (stop the embedded broker, start it after <see cref="Down"/>).</summary>
public sealed record ScenarioEvent(TimeSpan At, string Kind, TimeSpan Down);

/// <summary>
/// The outcome the scenario promises: <c>achieved</c> or <c>failed</c>, and at most this share of the sum of the
/// action durations as makespan (the concurrency claim).
/// </summary>
public sealed record ScenarioExpectation(string Status, double? MaxMakespanShare);
