using RoboLam.Hardware.Mqtt;

namespace RoboLam.Line.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void An_mqtts_address_carries_tls_the_port_and_the_log_in()
    {
        var address = BrokerAddress.Parse("mqtts://line%20controller:s3cr%3At@broker.local:9883");

        Assert.True(address.UseTls);
        Assert.Equal("broker.local", address.Host);
        Assert.Equal(9883, address.Port);
        Assert.Equal("line controller", address.Username);
        Assert.Equal("s3cr:t", address.Password);
        Assert.Equal("mqtts://broker.local:9883", address.ToString());
    }

    [Theory]
    [InlineData("mqtt://broker.local", 1883, false)]
    [InlineData("mqtts://broker.local", 8883, true)]
    public void Without_a_port_the_standard_one_is_used(string text, int port, bool tls)
    {
        var address = BrokerAddress.Parse(text);

        Assert.Equal(port, address.Port);
        Assert.Equal(tls, address.UseTls);
    }

    [Theory]
    [InlineData("tcp://broker.local:1883")]
    [InlineData("broker.local:1883")]
    public void Anything_but_mqtt_or_mqtts_is_refused_with_the_expected_form(string text)
    {
        var exception = Assert.Throws<FormatException>(() => BrokerAddress.Parse(text));

        Assert.Contains("mqtt://host:port", exception.Message, StringComparison.Ordinal);
    }
}
