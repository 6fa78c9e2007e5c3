using System.Globalization;
using RoboLam.Hardware.Description;
using RoboLam.Safety.Core;
using RoboLam.Safety.Decisions;

namespace RoboLam.Safety.EmergencyStop;

/// <summary>
/// The e-stop latch: any channel pressed, or any remote request, latches at once; the latch only opens on
/// <see cref="Clear"/>, which the supervisor calls for an explicit reset when <see cref="ActiveCauses"/> is
/// empty. A dual-channel e-stop whose channels disagree for longer than its discrepancy time is a fault.
/// Not thread-safe: the supervisor calls it under its lock.
/// </summary>
internal sealed class EmergencyStopLatch
{
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Device[] _devices;
    private readonly List<SafetyCause> _latchCauses = [];

    public EmergencyStopLatch(IEnumerable<EmergencyStopDevice> devices)
    {
        _devices = devices.Select(description => new Device(description)).ToArray();
        foreach (var device in _devices)
        {
            foreach (var channel in device.Channels)
            {
                _channels[channel.Name] = channel;
            }
        }
    }

    public bool IsLatched => _latchCauses.Count > 0;

    public IReadOnlyList<SafetyCause> LatchCauses => _latchCauses;

    /// <summary>
    /// A channel's new state at <paramref name="at"/>. Returns the latch cause when this press latched, and
    /// any discrepancy that had already run out before this change.
    /// </summary>
    public (SafetyCause? Latched, IReadOnlyList<SafetyCause> Discrepancies) ChannelChanged(string channel, bool pressed, DateTimeOffset at)
    {
        var discrepancies = CheckDiscrepancy(at);
        if (!_channels.TryGetValue(channel, out var state))
        {
            // A press from a channel the robot file does not know still stops: a stop can never be wrong.
            return pressed ? (Latch(new SafetyCause(SafetyRules.EmergencyStop, $"unknown e-stop channel \"{channel}\" reported pressed at {Time(at)}")), discrepancies) : (null, discrepancies);
        }

        if (state.Pressed == pressed)
        {
            return (null, discrepancies);
        }

        state.Pressed = pressed;
        state.Device.UpdateAgreement(at);
        if (!pressed)
        {
            return (null, discrepancies);
        }

        var name = state.Device.Description.Name;
        var which = state.Device.Channels.Length > 1 ? $" (channel \"{state.Name}\")" : string.Empty;
        return (Latch(new SafetyCause(SafetyRules.EmergencyStop, $"e-stop \"{name}\" pressed{which} at {Time(at)}")), discrepancies);
    }

    /// <summary>A stop asked for by a person or a system elsewhere: latches like a press.</summary>
    public SafetyCause Request(StopSource source, string detail, DateTimeOffset at)
    {
        var what = string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {detail}";
        return Latch(new SafetyCause(SafetyRules.EmergencyStop, $"e-stop requested from the {source.ToString().ToLowerInvariant()} at {Time(at)}{what}"));
    }

    /// <summary>Dual-channel e-stops whose channels have disagreed for longer than allowed by <paramref name="now"/>, each reported once.</summary>
    public IReadOnlyList<SafetyCause> CheckDiscrepancy(DateTimeOffset now)
    {
        List<SafetyCause>? found = null;
        foreach (var device in _devices)
        {
            if (device.DisagreeingSince is { } since && !device.DiscrepancyReported && now - since > device.Description.DiscrepancyTime.ToTimeSpan())
            {
                device.DiscrepancyReported = true;
                var states = string.Join(", ", device.Channels.Select(channel => $"\"{channel.Name}\" {(channel.Pressed == true ? "pressed" : "released")}"));
                (found ??= []).Add(new SafetyCause(
                    SafetyRules.EmergencyStopDiscrepancy,
                    string.Create(CultureInfo.InvariantCulture, $"the channels of e-stop \"{device.Description.Name}\" disagree for more than {device.Description.DiscrepancyTime.Milliseconds:0.#} ms ({states}) since {Time(since)}: a wiring or contact fault")));
            }
        }

        return found ?? (IReadOnlyList<SafetyCause>)[];
    }

    /// <summary>Whether every channel has reported its state (asked on every review, so it allocates nothing).</summary>
    public bool AllReported
    {
        get
        {
            foreach (var channel in _channels.Values)
            {
                if (channel.Pressed is null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Channels that have not reported a state yet: until they do, nothing may move.</summary>
    public IReadOnlyList<SafetyCause> NotReady() =>
        _channels.Values.Where(channel => channel.Pressed is null)
            .Select(channel => new SafetyCause(SafetyRules.NotReady, $"e-stop channel \"{channel.Name}\" has not reported its state yet"))
            .ToArray();

    /// <summary>What still holds the latch: pressed channels, disagreeing pairs, channels never reported.</summary>
    public IEnumerable<string> ActiveCauses()
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.Pressed == true)
            {
                yield return $"e-stop channel \"{channel.Name}\" is still pressed";
            }
            else if (channel.Pressed is null)
            {
                yield return $"e-stop channel \"{channel.Name}\" has not reported its state";
            }
        }

        foreach (var device in _devices.Where(device => device.DisagreeingSince is not null))
        {
            yield return $"the channels of e-stop \"{device.Description.Name}\" disagree";
        }
    }

    /// <summary>Opens the latch; only for an explicit reset when <see cref="ActiveCauses"/> is empty.</summary>
    public void Clear()
    {
        _latchCauses.Clear();
        foreach (var device in _devices)
        {
            device.DiscrepancyReported = false;
        }
    }

    private SafetyCause Latch(SafetyCause cause)
    {
        _latchCauses.Add(cause);
        return cause;
    }

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private sealed class Device
    {
        public Device(EmergencyStopDevice description)
        {
            Description = description;
            Channels = description.Channels.Select(name => new Channel(name, this)).ToArray();
        }

        public EmergencyStopDevice Description { get; }

        public Channel[] Channels { get; }

        public DateTimeOffset? DisagreeingSince { get; private set; }

        public bool DiscrepancyReported { get; set; }

        /// <summary>Starts the discrepancy clock when known channels begin to disagree, stops it when they agree.</summary>
        public void UpdateAgreement(DateTimeOffset at)
        {
            var known = Channels.Where(channel => channel.Pressed is not null).Select(channel => channel.Pressed!.Value).ToArray();
            var disagree = known.Length == Channels.Length && known.Distinct().Count() > 1;
            if (!disagree)
            {
                DisagreeingSince = null;
            }
            else
            {
                DisagreeingSince ??= at;
            }
        }
    }

    private sealed class Channel(string name, Device device)
    {
        public string Name { get; } = name;

        public Device Device { get; } = device;

        /// <summary>Null until the channel first reports.</summary>
        public bool? Pressed { get; set; }
    }
}
