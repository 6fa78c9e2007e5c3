using MQTTnet.Protocol;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Sim.Tests;

public sealed class TopicSubscriptionIndexTests
{
    private const MqttQualityOfServiceLevel Q0 = MqttQualityOfServiceLevel.AtMostOnce;
    private const MqttQualityOfServiceLevel Q1 = MqttQualityOfServiceLevel.AtLeastOnce;

    private static List<TopicSubscriptionIndex.Match> Collect(TopicSubscriptionIndex index, string topic, string? sender = null)
    {
        var matches = new List<TopicSubscriptionIndex.Match>();
        index.Collect(topic, sender, matches);
        return matches;
    }

    private static string[] Clients(TopicSubscriptionIndex index, string topic, string? sender = null) =>
        [.. Collect(index, topic, sender).Select(match => match.ClientId).Order(StringComparer.Ordinal)];

    [Fact]
    public void Exact_single_level_and_multi_level_filters_match_as_mqtt_defines_them()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("exact", "robolam/cell-1/drill/ack", Q1);
        index.Add("plus", "robolam/+/drill/ack", Q1);
        index.Add("two-plus", "robolam/cell-1/+/+", Q1);
        index.Add("hash", "robolam/cell-1/#", Q1);
        index.Add("all", "#", Q1);
        index.Add("other-cell", "robolam/cell-2/#", Q1);
        index.Add("deeper", "robolam/cell-1/drill/ack/more", Q1);

        Assert.Equal(["all", "exact", "hash", "plus", "two-plus"], Clients(index, "robolam/cell-1/drill/ack"));
        Assert.Equal(["all", "hash"], Clients(index, "robolam/cell-1/drill/ack/extra"));
        Assert.Equal(["all", "deeper", "hash"], Clients(index, "robolam/cell-1/drill/ack/more"));
        Assert.Equal(["all", "other-cell"], Clients(index, "robolam/cell-2/drill/state"));
        Assert.Equal(["all"], Clients(index, "elsewhere"));
    }

    [Fact]
    public void A_multi_level_wildcard_also_matches_its_parent_level_and_empty_levels_are_levels()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("hash", "robolam/cell-1/#", Q1);
        index.Add("plus", "robolam/+", Q1);

        Assert.Equal(["hash", "plus"], Clients(index, "robolam/cell-1"));
        Assert.Equal(["hash"], Clients(index, "robolam/cell-1/"));
        Assert.Equal(["plus"], Clients(index, "robolam/"));
        Assert.Empty(Clients(index, "robolam"));
    }

    [Fact]
    public void Wildcards_at_the_first_level_do_not_match_system_topics()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("all", "#", Q1);
        index.Add("plus", "+/info", Q1);
        index.Add("sys", "$SYS/#", Q1);

        Assert.Equal(["sys"], Clients(index, "$SYS/info"));
        Assert.Equal(["all", "plus"], Clients(index, "broker/info"));
    }

    [Fact]
    public void Overlapping_subscriptions_of_one_client_give_one_match_at_the_highest_qos()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("controller", "robolam/cell-1/+/ack", Q0);
        index.Add("controller", "robolam/cell-1/#", Q1, retainAsPublished: true);
        index.Add("controller", "robolam/cell-1/drill/ack", Q0);

        var match = Assert.Single(Collect(index, "robolam/cell-1/drill/ack"));
        Assert.Equal(new TopicSubscriptionIndex.Match("controller", Q1, RetainAsPublished: true), match);
    }

    [Fact]
    public void A_no_local_subscription_skips_only_its_own_clients_publishes()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("controller", "robolam/cell-1/+/cmd", Q1, noLocal: true);
        index.Add("observer", "robolam/cell-1/+/cmd", Q1, noLocal: true);
        index.Add("echo", "robolam/cell-1/+/cmd", Q1);

        Assert.Equal(["echo", "observer"], Clients(index, "robolam/cell-1/drill/cmd", sender: "controller"));
        Assert.Equal(["controller", "echo", "observer"], Clients(index, "robolam/cell-1/drill/cmd", sender: null));
        Assert.Equal(["controller", "echo", "observer"], Clients(index, "robolam/cell-1/drill/cmd", sender: "echo"));
    }

    [Fact]
    public void Subscribing_again_to_the_same_filter_replaces_the_earlier_subscription()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("device", "robolam/cell-1/drill/cmd", Q0);
        index.Add("device", "robolam/cell-1/drill/cmd", Q1, noLocal: true);

        Assert.Equal(1, index.Count);
        Assert.Equal(Q1, Assert.Single(Collect(index, "robolam/cell-1/drill/cmd")).Qos);
        Assert.Empty(Collect(index, "robolam/cell-1/drill/cmd", sender: "device"));
    }

    [Fact]
    public void Unsubscribing_removes_only_that_filter_of_that_client()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("a", "robolam/+/drill/ack", Q1);
        index.Add("a", "robolam/cell-1/#", Q1);
        index.Add("b", "robolam/+/drill/ack", Q1);

        Assert.True(index.Remove("a", "robolam/+/drill/ack"));
        Assert.False(index.Remove("a", "robolam/+/drill/ack"));
        Assert.False(index.Remove("c", "robolam/cell-1/#"));

        Assert.Equal(["a", "b"], Clients(index, "robolam/cell-1/drill/ack"));
        Assert.Equal(["b"], Clients(index, "robolam/cell-2/drill/ack"));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Removing_a_client_forgets_all_its_subscriptions_and_prunes_the_tree()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("gone", "robolam/cell-1/#", Q1);
        index.Add("gone", "robolam/+/drill/cmd", Q1);
        index.Add("stays", "robolam/cell-1/drill/cmd", Q1);

        index.RemoveClient("gone");

        Assert.Equal(["stays"], Clients(index, "robolam/cell-1/drill/cmd"));
        Assert.Empty(Clients(index, "robolam/cell-1/paint/cmd"));
        Assert.Equal(1, index.Count);

        // A pruned branch can be built again.
        index.Add("back", "robolam/cell-1/#", Q1);
        Assert.Equal(["back", "stays"], Clients(index, "robolam/cell-1/drill/cmd"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("robolam/#/ack")]
    [InlineData("robolam/cell+/ack")]
    [InlineData("robolam/cell-1/ack#")]
    public void A_filter_no_topic_can_match_is_not_stored(string filter)
    {
        var index = new TopicSubscriptionIndex();

        Assert.False(index.Add("client", filter, Q1));
        Assert.Equal(0, index.Count);
        Assert.Empty(Clients(index, "robolam/cell-1/ack"));
    }

    [Fact]
    public void Clear_forgets_everything()
    {
        var index = new TopicSubscriptionIndex();
        index.Add("a", "#", Q1);
        index.Add("b", "robolam/cell-1/drill/cmd", Q1);

        index.Clear();

        Assert.Equal(0, index.Count);
        Assert.Empty(Clients(index, "robolam/cell-1/drill/cmd"));
    }
}
