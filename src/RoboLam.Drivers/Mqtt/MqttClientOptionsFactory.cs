using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Drivers.Mqtt;

/// <summary>
/// MQTT 5 client options for the device protocol: address, log-in, TLS (with a private CA when the address names
/// one) and, for a device, its will: <c>offline</c>, retained, on its availability topic.
/// </summary>
public static class MqttClientOptionsFactory
{
    /// <summary>The controller's options; <paramref name="address"/> carries its user name and password.</summary>
    public static MqttClientOptions ForController(BrokerAddress address, string clientId) =>
        Base(address, clientId, address.Username, address.Password).Build();

    /// <summary>A device's options: it logs in as itself, and the broker announces it offline if it vanishes.</summary>
    public static MqttClientOptions ForDevice(BrokerAddress address, DeviceTopics topics, string? password)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return Base(address, $"{topics.Cell}-{topics.Device}", topics.Device, password)
            .WithWillTopic(topics.Availability)
            .WithWillPayload(System.Text.Encoding.UTF8.GetBytes(DeviceMessages.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    private static MqttClientOptionsBuilder Base(BrokerAddress address, string clientId, string? username, string? password)
    {
        ArgumentNullException.ThrowIfNull(address);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(address.Host, address.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (username is not null)
        {
            builder = builder.WithCredentials(username, password ?? string.Empty);
        }

        if (address.UseTls)
        {
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(address.Host);
                if (address.CaCertificateFile is { } caFile)
                {
                    tls.WithTrustChain(LoadCa(caFile));
                }
            });
        }

        return builder;
    }

    private static X509Certificate2Collection LoadCa(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"the broker's CA certificate file \"{file}\" does not exist; give a PEM file", file);
        }

        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(file);
        return collection;
    }
}
