using System.Globalization;

namespace RoboLam.Safety.Watchdogs;

/// <summary>
/// Heartbeat watchdogs, one per device and one for the control loop: each trips when no beat arrived for
/// longer than its timeout. Time only comes in as parameters. Not thread-safe: the supervisor calls it
/// under its lock.
/// </summary>
internal sealed class HeartbeatWatchdogs
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts watching <paramref name="name"/> as of <paramref name="at"/> (a first beat must come within the timeout).</summary>
    public void Watch(string name, TimeSpan timeout, DateTimeOffset at)
    {
        if (!_entries.ContainsKey(name))
        {
            _entries[name] = new Entry(timeout, at);
        }
    }

    public bool IsWatching(string name) => _entries.ContainsKey(name);

    /// <summary>A sign of life at <paramref name="at"/>; older beats than the last one change nothing.</summary>
    public void Beat(string name, DateTimeOffset at)
    {
        if (_entries.TryGetValue(name, out var entry) && at > entry.LastBeat)
        {
            entry.LastBeat = at;
        }
    }

    /// <summary>Watchdogs that have run out by <paramref name="now"/> and had not tripped yet; each trips once until reset.</summary>
    public IReadOnlyList<string> Trip(DateTimeOffset now)
    {
        List<string>? tripped = null;
        foreach (var (name, entry) in _entries)
        {
            if (!entry.Tripped && now - entry.LastBeat > entry.Timeout)
            {
                entry.Tripped = true;
                (tripped ??= []).Add(Describe(name, entry, now));
            }
        }

        return tripped ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Watchdogs still silent at <paramref name="now"/>: they hold a reset back.</summary>
    public IEnumerable<string> Silent(DateTimeOffset now) =>
        _entries.Where(pair => now - pair.Value.LastBeat > pair.Value.Timeout).Select(pair => Describe(pair.Key, pair.Value, now));

    /// <summary>Re-arms tripped watchdogs after an accepted reset.</summary>
    public void Rearm()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Tripped = false;
        }
    }

    private static string Describe(string name, Entry entry, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"no heartbeat from \"{name}\" for {(now - entry.LastBeat).TotalMilliseconds:0} ms (timeout {entry.Timeout.TotalMilliseconds:0} ms)");

    private sealed class Entry(TimeSpan timeout, DateTimeOffset lastBeat)
    {
        public TimeSpan Timeout { get; } = timeout;

        public DateTimeOffset LastBeat { get; set; } = lastBeat;

        public bool Tripped { get; set; }
    }
}
