using MQTTnet.Protocol;

namespace RoboLam.Sim.Mqtt;

/// <summary>
/// The embedded broker's subscriptions as a tree of topic levels (<c>+</c> and <c>#</c> are children of their
/// own), so a publish visits only the branches its topic can match instead of every session. Follows MQTT 5:
/// <c>#</c> also matches its parent level, wildcards at the first level do not match topics starting with
/// <c>$</c>, a client with overlapping subscriptions gets one delivery at the highest granted QoS, and a
/// <em>no local</em> subscription never matches its own client's publishes. Thread-safe.
/// </summary>
public sealed class TopicSubscriptionIndex
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Node _root = new();
    private readonly Dictionary<string, HashSet<string>> _filtersOfClient = new(StringComparer.Ordinal);

    /// <summary>One client's subscription to one filter, as granted.</summary>
    public readonly record struct Subscription(string ClientId, MqttQualityOfServiceLevel Qos, bool NoLocal, bool RetainAsPublished);

    /// <summary>A client a publish goes to: the highest QoS of its matching subscriptions, and whether any keeps the retain flag.</summary>
    public readonly record struct Match(string ClientId, MqttQualityOfServiceLevel Qos, bool RetainAsPublished);

    /// <summary>Subscriptions held, counting each client and filter once.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _filtersOfClient.Values.Sum(filters => filters.Count);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds the subscription, or replaces the client's earlier one to the same filter (as MQTT requires).</summary>
    /// <returns>False for a filter no topic can match (<c>#</c> not last, a wildcard inside a level, empty): nothing is stored.</returns>
    public bool Add(string clientId, string filter, MqttQualityOfServiceLevel qos, bool noLocal = false, bool retainAsPublished = false)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(filter);
        if (!IsValidFilter(filter))
        {
            return false;
        }

        _lock.EnterWriteLock();
        try
        {
            var node = _root;
            foreach (var level in filter.Split('/'))
            {
                node = node.Child(level);
            }

            (node.Subscribers ??= new Dictionary<string, Subscription>(StringComparer.Ordinal))[clientId] =
                new Subscription(clientId, qos, noLocal, retainAsPublished);
            if (!_filtersOfClient.TryGetValue(clientId, out var filters))
            {
                _filtersOfClient[clientId] = filters = new HashSet<string>(StringComparer.Ordinal);
            }

            filters.Add(filter);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <returns>Whether the client had subscribed to exactly this filter.</returns>
    public bool Remove(string clientId, string filter)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_filtersOfClient.TryGetValue(clientId, out var filters) || !filters.Remove(filter))
            {
                return false;
            }

            if (filters.Count == 0)
            {
                _filtersOfClient.Remove(clientId);
            }

            RemoveFromTree(clientId, filter);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Forgets every subscription of the client (its session ended or was replaced).</summary>
    public void RemoveClient(string clientId)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_filtersOfClient.Remove(clientId, out var filters))
            {
                return;
            }

            foreach (var filter in filters)
            {
                RemoveFromTree(clientId, filter);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _filtersOfClient.Clear();
            _root.Reset();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds to <paramref name="matches"/> every client a publish on <paramref name="topic"/> goes to, each once.</summary>
    /// <param name="senderId">The publishing client, for <em>no local</em>; null for a message from nobody's session.</param>
    public void Collect(string topic, string? senderId, List<Match> matches)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(matches);
        var first = matches.Count;
        _lock.EnterReadLock();
        try
        {
            Visit(_root, topic, 0, senderId, matches);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        if (matches.Count - first > 1)
        {
            MergeByClient(matches, first);
        }
    }

    private static bool IsValidFilter(string filter)
    {
        if (filter.Length == 0)
        {
            return false;
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level is "+" || (level is "#" && i == levels.Length - 1))
            {
                continue;
            }

            if (level.Contains('+') || level.Contains('#'))
            {
                return false;
            }
        }

        return true;
    }

    // Topic levels start at `start`; start == topic.Length + 1 means every level has been consumed.
    private static void Visit(Node node, string topic, int start, string? senderId, List<Match> matches)
    {
        var firstLevel = start == 0;
        var system = firstLevel && topic.StartsWith('$');
        if (node.MultiLevel is { } multi && !system)
        {
            AddAll(multi, senderId, matches);
        }

        if (start > topic.Length)
        {
            AddAll(node, senderId, matches);
            return;
        }

        var slash = topic.IndexOf('/', start);
        var end = slash < 0 ? topic.Length : slash;
        var level = topic.AsSpan(start, end - start);
        if (node.Exact is { } exact && exact.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(level, out var child))
        {
            Visit(child, topic, end + 1, senderId, matches);
        }

        if (node.SingleLevel is { } single && !system)
        {
            Visit(single, topic, end + 1, senderId, matches);
        }
    }

    private static void AddAll(Node node, string? senderId, List<Match> matches)
    {
        if (node.Subscribers is not { } subscribers)
        {
            return;
        }

        foreach (var subscription in subscribers.Values)
        {
            if (subscription.NoLocal && string.Equals(subscription.ClientId, senderId, StringComparison.Ordinal))
            {
                continue;
            }

            matches.Add(new Match(subscription.ClientId, subscription.Qos, subscription.RetainAsPublished));
        }
    }

    // Overlapping subscriptions of one client: one delivery, at the highest QoS (MQTT 5, 3.3.4).
    private static void MergeByClient(List<Match> matches, int first)
    {
        var merged = new Dictionary<string, Match>(StringComparer.Ordinal);
        for (var i = first; i < matches.Count; i++)
        {
            var match = matches[i];
            merged[match.ClientId] = merged.TryGetValue(match.ClientId, out var earlier)
                ? new Match(match.ClientId, (MqttQualityOfServiceLevel)Math.Max((int)earlier.Qos, (int)match.Qos), earlier.RetainAsPublished || match.RetainAsPublished)
                : match;
        }

        matches.RemoveRange(first, matches.Count - first);
        matches.AddRange(merged.Values);
    }

    private void RemoveFromTree(string clientId, string filter)
    {
        var levels = filter.Split('/');
        var path = new Node[levels.Length + 1];
        path[0] = _root;
        for (var i = 0; i < levels.Length; i++)
        {
            if (path[i].Find(levels[i]) is not { } next)
            {
                return;
            }

            path[i + 1] = next;
        }

        path[^1].Subscribers?.Remove(clientId);

        // Prune branches left empty, so a long-running broker with clients coming and going does not grow.
        for (var i = levels.Length; i > 0; i--)
        {
            if (!path[i].IsEmpty)
            {
                break;
            }

            path[i - 1].Drop(levels[i - 1]);
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Exact { get; private set; }

        public Node? SingleLevel { get; private set; }

        public Node? MultiLevel { get; private set; }

        public Dictionary<string, Subscription>? Subscribers { get; set; }

        public bool IsEmpty => (Subscribers is null || Subscribers.Count == 0) && (Exact is null || Exact.Count == 0) && SingleLevel is null && MultiLevel is null;

        public Node Child(string level)
        {
            switch (level)
            {
                case "+":
                    return SingleLevel ??= new Node();
                case "#":
                    return MultiLevel ??= new Node();
                default:
                    Exact ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                    if (!Exact.TryGetValue(level, out var child))
                    {
                        Exact[level] = child = new Node();
                    }

                    return child;
            }
        }

        public Node? Find(string level) => level switch
        {
            "+" => SingleLevel,
            "#" => MultiLevel,
            _ => Exact?.GetValueOrDefault(level),
        };

        public void Drop(string level)
        {
            switch (level)
            {
                case "+":
                    SingleLevel = null;
                    break;
                case "#":
                    MultiLevel = null;
                    break;
                default:
                    Exact?.Remove(level);
                    break;
            }
        }

        public void Reset()
        {
            Exact = null;
            SingleLevel = null;
            MultiLevel = null;
            Subscribers = null;
        }
    }
}
