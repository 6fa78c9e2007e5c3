using System.Collections;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace RoboLam.Sim.Mqtt;

/// <summary>
/// Delivers the embedded broker's publishes through a <see cref="TopicSubscriptionIndex"/> straight into the
/// matching sessions, instead of MQTTnet.Server's check of every session's subscriptions on every publish (which
/// costs milliseconds with a thousand clients). The index follows the broker's events: accepted subscriptions,
/// unsubscriptions, a new session replacing a client's old one, a session's end. Retained messages stay MQTTnet's
/// (the broker updates them before delivering), so their delivery on subscribe is unchanged.
/// </summary>
internal sealed class SessionRouter
{
    [ThreadStatic]
    private static List<TopicSubscriptionIndex.Match>? s_matches;

    private readonly TopicSubscriptionIndex _index = new();
    private readonly ConcurrentDictionary<string, MqttSessionStatus> _sessions = new(StringComparer.Ordinal);

    public TopicSubscriptionIndex Index => _index;

    /// <summary>A subscription MQTTnet is about to store for <paramref name="session"/>, at the QoS granted.</summary>
    public void Subscribed(MqttSessionStatus session, MqttTopicFilter filter, MqttQualityOfServiceLevel granted)
    {
        _sessions[session.Id] = session;
        _index.Add(session.Id, filter.Topic, granted, filter.NoLocal, filter.RetainAsPublished);
    }

    public void Unsubscribed(string clientId, string filter) => _index.Remove(clientId, filter);

    /// <summary>A client is connected: if its session is a new one (clean start, takeover), the old one's subscriptions are gone.</summary>
    public void Connected(string clientId, IDictionary sessionItems)
    {
        if (_sessions.TryGetValue(clientId, out var known) && !ReferenceEquals(known.Items, sessionItems))
        {
            Forget(clientId, known);
        }
    }

    /// <summary>MQTTnet deleted a session (its client disconnected and it does not persist).</summary>
    public void SessionDeleted(string clientId, IDictionary sessionItems)
    {
        if (_sessions.TryGetValue(clientId, out var known) && ReferenceEquals(known.Items, sessionItems))
        {
            Forget(clientId, known);
        }
    }

    /// <summary>The broker stopped: every session is gone.</summary>
    public void Clear()
    {
        _sessions.Clear();
        _index.Clear();
    }

    /// <summary>Enqueues <paramref name="message"/> for every session subscribed to its topic.</summary>
    /// <returns>How many sessions it went to (0 is answered "no matching subscribers", as MQTTnet does).</returns>
    public int Deliver(string? senderId, MqttApplicationMessage message)
    {
        var matches = s_matches ??= new List<TopicSubscriptionIndex.Match>();
        matches.Clear();
        _index.Collect(message.Topic, senderId, matches);
        var delivered = 0;
        var copies = new DeliveryCopies(message);
        foreach (var match in matches)
        {
            if (!_sessions.TryGetValue(match.ClientId, out var session))
            {
                continue;
            }

            try
            {
                if (session.TryEnqueueApplicationMessage(copies.For(match), out _))
                {
                    delivered++;
                }
            }
            catch (ObjectDisposedException)
            {
                // The session ended between the match and the enqueue; its client is gone.
            }
        }

        matches.Clear();
        return delivered;
    }

    private void Forget(string clientId, MqttSessionStatus known)
    {
        if (((ICollection<KeyValuePair<string, MqttSessionStatus>>)_sessions).Remove(new KeyValuePair<string, MqttSessionStatus>(clientId, known)))
        {
            _index.RemoveClient(clientId);
        }
    }

    /// <summary>
    /// The message as each subscriber gets it: QoS at most the granted one, retain flag cleared unless the
    /// subscription keeps it (MQTT 5, 3.3.1.3). Subscribers with the same terms share one copy; MQTTnet builds
    /// each session's packet (and packet identifier) from it.
    /// </summary>
    private struct DeliveryCopies(MqttApplicationMessage original)
    {
        private MqttApplicationMessage?[]? _copies;

        public MqttApplicationMessage For(TopicSubscriptionIndex.Match match)
        {
            var qos = (MqttQualityOfServiceLevel)Math.Min((int)match.Qos, (int)original.QualityOfServiceLevel);
            var retain = original.Retain && match.RetainAsPublished;
            if (qos == original.QualityOfServiceLevel && retain == original.Retain)
            {
                return original;
            }

            _copies ??= new MqttApplicationMessage?[6];
            var slot = ((int)qos * 2) + (retain ? 1 : 0);
            return _copies[slot] ??= Copy(original, qos, retain);
        }

        private static MqttApplicationMessage Copy(MqttApplicationMessage message, MqttQualityOfServiceLevel qos, bool retain) => new()
        {
            Topic = message.Topic,
            Payload = message.Payload,
            QualityOfServiceLevel = qos,
            Retain = retain,
            ContentType = message.ContentType,
            CorrelationData = message.CorrelationData,
            ResponseTopic = message.ResponseTopic,
            MessageExpiryInterval = message.MessageExpiryInterval,
            PayloadFormatIndicator = message.PayloadFormatIndicator,
            UserProperties = message.UserProperties,
        };
    }
}
