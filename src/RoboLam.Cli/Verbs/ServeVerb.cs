using System.Globalization;
using System.Net.Sockets;
using RoboLam.Cli.Operator;
using RoboLam.Cli.Simulation;
using RoboLam.Drivers.Mqtt;
using RoboLam.Hardware.Mqtt;
using RoboLam.Intent.Worlds;

namespace RoboLam.Cli.Verbs;

/// <summary>
/// <c>robolam serve [SCENARIO] [--cell NAME] [--broker URL [--ca FILE]] [--port N] [--operator-password PW]</c>: keeps a
/// simulated arm cell running behind MQTT: commands in words on <c>robolam/{cell}/operator/command</c>, the e-stop on
/// <c>robolam/{cell}/safety/estop</c> and its reset on <c>.../safety/reset</c>, until Ctrl+C. With <c>--bench N</c>
/// it measures its own latencies instead (<see cref="OperatorBench"/>).
/// </summary>
public sealed class ServeVerb : IVerb
{
    private const string DefaultScenario = "sim/stack.json";
    private const string Usage = "usage: robolam serve [sim/SCENARIO.json] [--cell NAME] [--broker mqtt://user:pw@host:port [--ca FILE]] [--port N] [--operator-password PW] [--confirm-below C] [--bench N]";

    public string Name => "serve";

    public string Summary => "keep the simulated arm running behind MQTT: commands in words, e-stop and reset (robolam say is the client)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var reader = ArgumentReader.Read(args, [], ["--cell", "--broker", "--ca", "--port", "--operator-password", "--confirm-below", "--bench"]);
        var port = reader.Value("--port") is { } portText
            ? int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535 ? number : -1
            : OperatorServiceOptions.DefaultPort;
        var rounds = reader.Number("--bench", 0);
        var confirmBelow = reader.Value("--confirm-below") is { } confirmText
            ? double.TryParse(confirmText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1 ? share : -1
            : RoboLam.Intent.IntentParser.DefaultConfirmBelow;
        var usageProblem = reader.Error
            ?? (port < 0 ? "--port needs a port number from 0 to 65535 (0: a free one)" : null)
            ?? (confirmBelow < 0 ? "--confirm-below needs a confidence from 0 to 1 (readings below it wait for a yes)" : null)
            ?? (reader.Positional.Count > 1 ? "takes at most one scenario file" : null);
        if (usageProblem is not null)
        {
            error.WriteLine($"robolam serve: {usageProblem}");
            error.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        var scenarioPath = reader.Positional.Count == 1 ? reader.Positional[0] : BundledFiles.Find(DefaultScenario) ?? DefaultScenario;
        var inputs = ScenarioInputs.Load(scenarioPath, out var exitCode, out var problem);
        if (inputs is null)
        {
            error.WriteLine("robolam serve: " + problem);
            return exitCode;
        }

        OperatorServiceOptions options;
        try
        {
            options = new OperatorServiceOptions
            {
                CellName = reader.Value("--cell") ?? "arm",
                External = reader.Value("--broker") is { } broker ? BrokerAddress.Parse(broker) with { CaCertificateFile = reader.Value("--ca") } : null,
                Port = rounds > 0 ? 0 : port,
                OperatorPassword = reader.Value("--operator-password"),
                ConfirmBelow = (float)confirmBelow,
            };
            _ = new OperatorTopics(options.CellName);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            error.WriteLine($"robolam serve: {exception.Message}");
            return ExitCodes.UsageError;
        }

        try
        {
            return rounds > 0
                ? OperatorBench.Run(inputs, options, (int)rounds, output)
                : Serve(inputs, options, output);
        }
        catch (MqttCellException exception)
        {
            error.WriteLine($"robolam serve: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (SocketException exception)
        {
            error.WriteLine($"robolam serve: the embedded broker cannot listen on 127.0.0.1:{options.Port} ({exception.Message}); give --port N, or --port 0 for a free port");
            return ExitCodes.ConfigurationError;
        }
        catch (WorldFileException exception)
        {
            error.WriteLine($"robolam serve: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
    }

    private static int Serve(ScenarioInputs inputs, OperatorServiceOptions options, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            stop.Cancel();
        };
        var service = OperatorService.StartAsync(inputs, options, output).GetAwaiter().GetResult();
        try
        {
            var topics = service.Listener.Topics;
            var address = service.OperatorAddress;
            var broker = address.Password is null ? $"--broker {address}" : $"--broker mqtt://{address.Username}:{address.Password}@{address.Host}:{address.Port}";
            output.WriteLine($"serving the simulated arm of {inputs.Scenario.Name} as cell \"{options.CellName}\" on {(service.Broker is null ? address.ToString() : $"the embedded broker {address}")}");
            output.WriteLine($"  commands in words: {topics.Command} (answers on your MQTT 5 response topic under {topics.Replies}/)");
            output.WriteLine($"  e-stop: {topics.EmergencyStop}; reset: {topics.Reset}; status (retained): {topics.Status}");
            output.WriteLine($"  try: robolam say {broker}{(options.CellName == "arm" ? string.Empty : $" --cell {options.CellName}")} \"{inputs.Scenario.Command ?? "put the red block in the bin"}\"");
            output.WriteLine("Ctrl+C ends");
            stop.Token.WaitHandle.WaitOne();
            output.WriteLine("stopping: the arm stops, the broker closes");
            return ExitCodes.Success;
        }
        finally
        {
            service.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
