using RoboLam.Cli.Operator;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam say "WORDS" | --estop ["REASON"] | --reset [--broker URL] [--ca FILE] [--cell NAME] [--timeout S]</c>: the
/// operator's one-shot client of <c>robolam serve</c>: publishes the request and prints every answer until the last;
/// exits with the code of how it ended (0 achieved, 35 refused, 36 a question, 40 e-stop, ...).
/// </summary>
public sealed class SayVerb : IVerb
{
    private const string Usage = "usage: robolam say \"WORDS\" | --estop [\"REASON\"] | --reset  [--broker mqtt://operator:PW@host:port] [--ca FILE] [--cell NAME] [--timeout S]";

    public string Name => "say";

    public string Summary => "send words, an e-stop or a reset to a running robolam serve over MQTT and print the answers";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var reader = ArgumentReader.Read(args, ["--estop", "--reset"], ["--broker", "--ca", "--cell", "--timeout"]);
        var timeout = reader.Seconds("--timeout", TimeSpan.FromMinutes(5));
        var estop = reader.Has("--estop");
        var reset = reader.Has("--reset");
        var problem = reader.Error
            ?? (estop && reset ? "give --estop or --reset, not both"
            : reset && reader.Positional.Count > 0 ? "--reset takes no words"
            : !estop && !reset && reader.Positional.Count != 1 ? "give the command as one argument in quotes"
            : reader.Positional.Count > 1 ? "give the reason as one argument in quotes" : null);
        if (problem is not null)
        {
            error.WriteLine($"robolam say: {problem}");
            error.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        BrokerAddress address;
        OperatorTopics topics;
        try
        {
            address = BrokerAddress.Parse(reader.Value("--broker") ?? $"mqtt://127.0.0.1:{OperatorServiceOptions.DefaultPort}") with { CaCertificateFile = reader.Value("--ca") };
            if (address.Username is null && Environment.GetEnvironmentVariable("ROBOLAM_OPERATOR_PASSWORD") is { } password)
            {
                address = address with { Username = OperatorServiceOptions.OperatorUser, Password = password };
            }

            topics = new OperatorTopics(reader.Value("--cell") ?? "arm");
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            error.WriteLine($"robolam say: {exception.Message}");
            return ExitCodes.UsageError;
        }

        var (topic, payload) = estop ? (topics.EmergencyStop, reader.Positional.FirstOrDefault() ?? "robolam say --estop")
            : reset ? (topics.Reset, string.Empty)
            : (topics.Command, reader.Positional[0]);
        try
        {
            return SendAsync(address, topics, topic, payload, timeout, output).GetAwaiter().GetResult();
        }
        catch (MqttCellException exception)
        {
            error.WriteLine($"robolam say: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (TimeoutException exception)
        {
            error.WriteLine($"robolam say: {exception.Message} from cell \"{topics.Cell}\"; is robolam serve running with --cell {topics.Cell}?");
            return ExitCodes.TimeLimit;
        }
    }

    private static async Task<int> SendAsync(BrokerAddress address, OperatorTopics topics, string topic, string payload, TimeSpan timeout, TextWriter output)
    {
        await using var client = await OperatorClient.ConnectAsync(address, topics, CancellationToken.None).ConfigureAwait(false);
        var code = ExitCodes.InternalError;
        await foreach (var reply in client.RequestAsync(topic, payload, timeout).ConfigureAwait(false))
        {
            output.WriteLine($"{reply.Kind}: {reply.Text}");
            code = reply.ExitCode ?? code;
        }

        return code;
    }
}
