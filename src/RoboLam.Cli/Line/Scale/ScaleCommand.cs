using System.Globalization;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// <c>robolam line --scale [--cells N] [--devices N] [--rate N|max] [--duration 30s] [--warmup 5s] [--broker mosquitto|mqtt://…]
/// [--device-password PW] [--transport tcp|memory]</c>: reads the options, runs <see cref="ScaleRun"/>, prints the report.
/// </summary>
internal static class ScaleCommand
{
    public const string Usage = "robolam line --scale [--cells 100] [--devices 10] [--rate 5000|max] [--duration 30s] [--warmup 5s] [--broker mosquitto|mqtt://user:pw@host:port] [--device-password PW] [--transport tcp|memory]";

    /// <summary>The options only the scale run takes.</summary>
    public static IReadOnlyList<string> Options { get; } = ["--cells", "--devices", "--rate", "--duration", "--warmup", "--transport"];

    public static int Run(ArgumentReader reader, TextWriter output, TextWriter error)
    {
        if (Read(reader) is not { } options)
        {
            error.WriteLine($"robolam line --scale: {reader.Error}; usage: {Usage}");
            return ExitCodes.UsageError;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale run: {options.Cells} cells x {options.DevicesPerCell} instant devices, offering {(options.Rate > 0 ? $"{options.Rate:N0} commands/s" : "as many commands as the devices take")}"));
        ScaleReport report;
        try
        {
            report = ScaleRun.RunAsync(options, output, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is MqttCellException or InvalidOperationException)
        {
            error.WriteLine($"robolam line --scale: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }

        output.Write(report.Summary());
        if (!report.Passed)
        {
            error.WriteLine("robolam line --scale: commands were lost, failed or ran twice (see above)");
            return ExitCodes.ExecutionFailed;
        }

        return ExitCodes.Success;
    }

    private static ScaleOptions? Read(ArgumentReader reader)
    {
        if (reader.Positional.Count > 0)
        {
            reader.Fail("the scale run takes no scenario file");
            return null;
        }

        var defaults = ScaleOptions.Default;
        var cells = (int)Math.Min(int.MaxValue, reader.Number("--cells", defaults.Cells));
        var devices = (int)Math.Min(int.MaxValue, reader.Number("--devices", defaults.DevicesPerCell));
        var duration = Time(reader, "--duration", defaults.Duration);
        var warmUp = Time(reader, "--warmup", defaults.WarmUp);
        var rate = reader.Value("--rate") is "max" ? 0 : reader.Number("--rate", (long)defaults.Rate);
        if (devices > ScaleOptions.MaxDevicesPerCell)
        {
            reader.Fail($"option --devices takes at most {ScaleOptions.MaxDevicesPerCell} devices per cell, not {devices}");
        }

        var options = defaults with { Cells = cells, DevicesPerCell = devices, Duration = duration, WarmUp = warmUp, Rate = rate };
        switch (reader.Value("--broker"))
        {
            case null:
                break;
            case "mosquitto":
                options = options with { Broker = ScaleBroker.Mosquitto };
                break;
            case var text:
                try
                {
                    options = options with { Broker = ScaleBroker.External, External = BrokerAddress.Parse(text) with { CaCertificateFile = reader.Value("--ca") }, DevicePassword = reader.Value("--device-password") };
                }
                catch (FormatException exception)
                {
                    reader.Fail($"{exception.Message}, or \"mosquitto\" to start one");
                }

                break;
        }

        switch (reader.Value("--transport"))
        {
            case null or "tcp":
                break;
            case "memory" when options.Broker == ScaleBroker.Embedded:
                options = options with { InProcess = true };
                break;
            case "memory":
                reader.Fail("option --transport memory works only with the embedded broker (an outside broker is reached over TCP)");
                break;
            case var other:
                reader.Fail($"option --transport takes tcp or memory, not '{other}'");
                break;
        }

        return reader.Error is null ? options : null;
    }

    /// <summary>Seconds as <c>30</c>, <c>30s</c>, <c>30 s</c> or <c>500ms</c>.</summary>
    private static TimeSpan Time(ArgumentReader reader, string option, TimeSpan defaultValue)
    {
        var text = reader.Value(option)?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (text is null)
        {
            return defaultValue;
        }

        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        reader.Fail($"option {option} needs a time such as 30s or 500ms, not '{reader.Value(option)}'");
        return defaultValue;
    }
}
