using System.Globalization;

namespace RoboLam.Hardware.Mqtt;

/// <summary>
/// Where the MQTT broker is and how to log in: <c>mqtt://host:port</c> (plain TCP, default port 1883) or
/// <c>mqtts://host:port</c> (TLS, default 8883). <see cref="CaCertificateFile"/> is a PEM file to trust instead of
/// the system's roots (a private CA, as a Mosquitto set-up usually has).
/// </summary>
public sealed record BrokerAddress(string Host, int Port, bool UseTls)
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? CaCertificateFile { get; init; }

    /// <exception cref="FormatException">The text is not an mqtt:// or mqtts:// address; the message says what is expected.</exception>
    public static BrokerAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Host.Length == 0)
        {
            throw new FormatException($"broker address \"{text}\" is not of the form mqtt://host:port or mqtts://host:port");
        }

        var tls = uri.Scheme == "mqtts";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port;
        var address = new BrokerAddress(uri.Host, port, tls);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            address = address with { Username = Uri.UnescapeDataString(parts[0]), Password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null };
        }

        return address;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}");
}
