using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>Who may use the operator's topics: the rules the embedded broker enforces and the Mosquitto ACL repeats.</summary>
public sealed class OperatorPermissionsTests
{
    private static readonly TopicPermissions s_permissions = new("controller") { OperatorUser = "operator" };
    private static readonly OperatorTopics s_topics = new("arm");

    [Fact]
    public void The_operator_may_publish_words_the_e_stop_and_the_reset_and_nothing_a_device_obeys()
    {
        Assert.True(s_permissions.MayPublish("operator", s_topics.Command));
        Assert.True(s_permissions.MayPublish("operator", s_topics.EmergencyStop));
        Assert.True(s_permissions.MayPublish("operator", s_topics.Reset));
        Assert.False(s_permissions.MayPublish("operator", new DeviceTopics("arm", "drill-1").Command));
        Assert.False(s_permissions.MayPublish("operator", s_topics.Status));
        Assert.False(s_permissions.MayPublish("operator", s_topics.Replies + "/me"));
    }

    [Fact]
    public void Only_the_controller_answers_and_no_device_can_press_the_e_stop_or_fake_an_answer()
    {
        Assert.True(s_permissions.MayPublish("controller", s_topics.Replies + "/me"));
        Assert.True(s_permissions.MayPublish("controller", s_topics.Status));
        Assert.False(s_permissions.MayPublish("controller", s_topics.EmergencyStop));
        Assert.False(s_permissions.MayPublish("operator-device", s_topics.EmergencyStop));
        Assert.False(s_permissions.MayPublish("operator", s_topics.Replies));
        Assert.False(s_permissions.MayPublish("drill-1", s_topics.Replies + "/me"));
        Assert.True(s_permissions.MaySubscribe("operator", s_topics.Replies + "/me"));
        Assert.False(s_permissions.MaySubscribe("operator", "robolam/#"));
    }

    [Fact]
    public void Without_an_operator_user_nobody_may_use_the_operator_topics()
    {
        var permissions = new TopicPermissions("controller");

        Assert.False(permissions.MayPublish("operator", s_topics.EmergencyStop));
        Assert.False(permissions.MayPublish("controller", s_topics.Replies + "/me"));
        Assert.DoesNotContain("estop", permissions.MosquittoAcl(), StringComparison.Ordinal);
        Assert.Contains($"topic write robolam/+/safety/estop", s_permissions.MosquittoAcl(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_controller_answers_only_under_the_cells_reply_topics()
    {
        Assert.True(s_topics.IsReplyTopic("robolam/arm/operator/reply/me"));
        Assert.True(s_topics.IsReplyTopic(s_topics.Replies));
        Assert.False(s_topics.IsReplyTopic("robolam/arm/arm/cmd"));
        Assert.False(s_topics.IsReplyTopic("robolam/arm/operator/reply/#"));
        Assert.False(s_topics.IsReplyTopic("robolam/other/operator/reply/me"));
    }
}
