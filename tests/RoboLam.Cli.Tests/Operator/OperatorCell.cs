using System.Collections.Concurrent;
using RoboLam.Cli.Operator;
using RoboLam.Cli.Simulation;

namespace RoboLam.Cli.Tests.Operator;

/// <summary>
/// The bundled stacking scenario served over a real broker, with an operator client connected, and a record of every
/// PCA9685 write (virtual time) and every safety stop: what the simulated hardware received, to assert on.
/// </summary>
internal sealed class OperatorCell : IAsyncDisposable
{
    public const string StackWords = "put the green block on the blue block, then put the red block on the green block";

    private OperatorCell(OperatorService service, OperatorClient client, OperatorClient stopper)
    {
        Service = service;
        Client = client;
        Stopper = stopper;
        var cell = service.Cell.Arm.Cell;
        cell.Rig.ServoBoard.ChannelsChanged += _ => Writes.Enqueue(cell.Rig.Clock.Elapsed);
        cell.Supervisor.StopDemanded += (_, demand) => Stops.Enqueue((cell.Rig.Clock.Elapsed, demand.Rule));
    }

    public OperatorService Service { get; }

    /// <summary>Sends commands.</summary>
    public OperatorClient Client { get; }

    /// <summary>A second operator client, for the e-stop and the reset while a command runs.</summary>
    public OperatorClient Stopper { get; }

    public SimulatedArmCell Cell => Service.Cell.Arm.Cell;

    public RoboLam.Hardware.Mqtt.OperatorTopics Topics => Service.Listener.Topics;

    public ConcurrentQueue<TimeSpan> Writes { get; } = new();

    public ConcurrentQueue<(TimeSpan At, string Rule)> Stops { get; } = new();

    /// <param name="operatorAddress">Where and as whom the operator logs in; the service's embedded broker's operator by default.</param>
    public static async Task<OperatorCell> StartAsync(OperatorServiceOptions? options = null, RoboLam.Hardware.Mqtt.BrokerAddress? operatorAddress = null)
    {
        var inputs = ScenarioInputs.Load(RepositoryFiles.Scenario("stack"), out _, out var problem) ?? throw new InvalidOperationException(problem);
        var service = await OperatorService.StartAsync(inputs, options ?? new OperatorServiceOptions { Port = 0 }, TextWriter.Null);
        var topics = service.Listener.Topics;
        var client = await OperatorClient.ConnectAsync(operatorAddress ?? service.OperatorAddress, topics, CancellationToken.None);
        var stopper = await OperatorClient.ConnectAsync(operatorAddress ?? service.OperatorAddress, topics, CancellationToken.None);
        return new OperatorCell(service, client, stopper);
    }

    /// <summary>Every answer to one request, up to the final one.</summary>
    public static async Task<List<OperatorReply>> Answers(OperatorClient client, string topic, string payload, int seconds = 60)
    {
        var replies = new List<OperatorReply>();
        await foreach (var reply in client.RequestAsync(topic, payload, TimeSpan.FromSeconds(seconds)))
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>
    /// Starts <paramref name="words"/> and waits until the arm is mid-motion: the simulated world stops on the clock's
    /// own thread at the tenth PCA9685 write, early in the first approach (no block touched yet), and stays there until
    /// the test sets <c>HoldClock</c> back, so whatever the test does next lands at this exact point of the motion.
    /// </summary>
    public async Task<Task<List<OperatorReply>>> StartAndHoldMidMotion(string words)
    {
        var written = 0;
        Cell.Rig.ServoBoard.ChannelsChanged += _ =>
        {
            if (Interlocked.Increment(ref written) == 10)
            {
                Service.Cell.Arm.HoldClock = true;
            }
        };
        var command = Answers(Client, Topics.Command, words);
        await Until(() => Service.Cell.Arm.HoldClock, "the arm to be mid-motion");
        return command;
    }

    /// <summary>Lets <paramref name="duration"/> of virtual time pass with the clock running fast, moving or not.</summary>
    public async Task RunFor(TimeSpan duration)
    {
        var until = Cell.Rig.Clock.Elapsed + duration;
        Service.Cell.Arm.ForceFast = true;
        try
        {
            await Until(() => Cell.Rig.Clock.Elapsed >= until, $"{duration.TotalSeconds} s of virtual time to pass");
        }
        finally
        {
            Service.Cell.Arm.ForceFast = false;
        }
    }

    public static async Task Until(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"still not true after {seconds} s: {what}");
            await Task.Delay(2);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stopper.DisposeAsync();
        await Client.DisposeAsync();
        await Service.DisposeAsync();
    }
}
