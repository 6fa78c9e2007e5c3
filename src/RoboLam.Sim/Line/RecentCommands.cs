using RoboLam.Hardware.Mqtt;

namespace RoboLam.Sim.Line;

/// <summary>
/// What a simulated device remembers of the commands it ran, by id: how often each ran and how it ended, so that a
/// retried id is answered from memory instead of running again. Bounded as a real device's memory is: once
/// <see cref="Capacity"/> newer commands ran, the oldest id is forgotten (a retry comes while its command is the
/// device's latest, or nearly so). Not thread-safe: the device holds its lock around every call.
/// </summary>
internal sealed class RecentCommands(int capacity)
{
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a device remembers at least one command");

    /// <summary>Runs of an id that was still remembered: each one is a command that acted twice.</summary>
    public long RunAgain { get; private set; }

    /// <summary>The command starts running (again, if its id is remembered).</summary>
    public void Started(string id)
    {
        if (_byId.TryGetValue(id, out var entry))
        {
            entry.Runs++;
            RunAgain++;
            return;
        }

        _byId[id] = new Entry();
        _order.Enqueue(id);
        if (_order.Count > Capacity)
        {
            _byId.Remove(_order.Dequeue());
        }
    }

    /// <summary>How the command ended; an id not remembered (never run, or forgotten) is not recorded.</summary>
    public void Ended(string id, ProgressMessage outcome)
    {
        if (_byId.TryGetValue(id, out var entry))
        {
            entry.Outcome = outcome;
        }
    }

    /// <summary>The final outcome of a remembered command that has ended.</summary>
    public bool TryGetOutcome(string id, out ProgressMessage outcome)
    {
        outcome = _byId.TryGetValue(id, out var entry) ? entry.Outcome! : null!;
        return outcome is not null;
    }

    /// <summary>How many times a remembered command ran; zero for one never run or forgotten.</summary>
    public int TimesRun(string id) => _byId.TryGetValue(id, out var entry) ? entry.Runs : 0;

    private sealed class Entry
    {
        public int Runs { get; set; } = 1;

        public ProgressMessage? Outcome { get; set; }
    }
}
