using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.World;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// The scale run: many cells of instant simulated devices on one broker, each cell's orders driven through the
/// runtime's device actors, the Safety gate and the MQTT device proxies; measures throughput, dispatch latency and
/// memory, and checks that every command ran exactly once.
/// </summary>
internal static class ScaleRun
{
    private static readonly TimeSpan s_commandLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_askLimit = TimeSpan.FromSeconds(30);

    public static async Task<ScaleReport> RunAsync(ScaleOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var loadBefore = ProcessFigures.LoadAverage();
        var probe = new DispatchProbe();
        using var gcPauses = new GcPauseListener();
        using var lag = new ThreadPoolLagProbe();
        var started = Stopwatch.StartNew();
        await using var rig = await ScaleRig.StartAsync(options, probe, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"{options.Cells} cells x {options.DevicesPerCell} devices online on {rig.BrokerDescription} after {started.Elapsed.TotalSeconds:0.0} s");

        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\nakka.actor.ask-timeout = 30s");
        using var system = ActorSystem.Create("robolam-scale", config);
        await StartSchedulerAsync(system).ConfigureAwait(false);
        var world = new WorldState(0, ImmutableHashSet<GroundFact>.Empty, ObjectCatalogue.Empty, []);
        var drivers = new List<IActorRef>();
        foreach (var cell in rig.Cells)
        {
            drivers.Add(await StartCellAsync(system, cell, world, probe, options.Rate / options.Cells).ConfigureAwait(false));
        }

        foreach (var driver in drivers)
        {
            driver.Tell(CellDriverActor.StartIssuing.Instance);
        }

        output.WriteLine($"warming up for {options.WarmUp.TotalSeconds:0.#} s, then measuring for {options.Duration.TotalSeconds:0.#} s");
        await Task.Delay(options.WarmUp, cancellationToken).ConfigureAwait(false);
        var process = Process.GetCurrentProcess();
        var measureFrom = Stopwatch.GetTimestamp();
        probe.StartMeasuring(measureFrom);
        gcPauses.StartMeasuring();
        lag.StartMeasuring();
        foreach (var driver in drivers)
        {
            driver.Tell(new CellDriverActor.StartMeasuring(measureFrom));
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var brokerCpuBefore = rig.Mosquitto?.ProcessorTime;
        var peakHeap = await SamplePeakHeapAsync(options.Duration, cancellationToken).ConfigureAwait(false);
        foreach (var driver in drivers)
        {
            driver.Tell(CellDriverActor.StopIssuing.Instance);
        }

        var window = Stopwatch.GetElapsedTime(measureFrom);
        process.Refresh();
        var cores = (process.TotalProcessorTime - cpuBefore) / window;
        var brokerCores = rig.Mosquitto is { } mosquitto ? (mosquitto.ProcessorTime - brokerCpuBefore!.Value) / window : 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        var gcs = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);

        var tallies = await DrainAsync(drivers, options.DrainLimit, cancellationToken).ConfigureAwait(false);
        await system.Terminate().ConfigureAwait(false);
        var devices = rig.Cells.SelectMany(cell => cell.Devices).ToArray();
        var completedInWindow = Math.Max(1, tallies.Sum(tally => tally.CompletedInWindow));
        return new ScaleReport(options, rig.BrokerDescription, window, tallies)
        {
            Executions = devices.Sum(device => device.OperationsStarted),
            RunTwice = devices.Sum(device => device.RunAgain),
            DuplicatesAnswered = devices.Sum(device => (long)device.Duplicates),
            ToDevice = LatencyFigures.Of(probe.ToDevice),
            ToAckTaken = LatencyFigures.Of(probe.ToAckTaken),
            ToAck = LatencyFigures.Of(probe.ToAck),
            ToFinished = LatencyFigures.Of(probe.ToFinished),
            Resources = new ResourceFigures(ProcessFigures.PeakWorkingSet(Environment.ProcessId) ?? process.PeakWorkingSet64, peakHeap, allocated / completedInWindow, cores, gcs.Item1, gcs.Item2, gcs.Item3)
            {
                Broker = rig.Mosquitto is { } broker ? (broker.PeakWorkingSet, brokerCores) : null,
            },
            Stalls = new StallFigures(LatencyFigures.Of(gcPauses.Pauses), gcPauses.Total, LatencyFigures.Of(lag.Lag), lag.LongestQueue, (double)workItems / completedInWindow),
            LoadBefore = loadBefore,
            LoadAfter = ProcessFigures.LoadAverage(),
        };
    }

    /// <summary>The cell's world model, its device actors under the runtime's device supervisor, and the driver of its orders.</summary>
    private static async Task<IActorRef> StartCellAsync(ActorSystem system, ScaleCell cell, WorldState world, DispatchProbe probe, double rate)
    {
        var worldModel = system.ActorOf(WorldModelActor.Props(world, DigitalInputFacts.None), $"{cell.Name}-world-model");
        var commands = new StationCommands(s_commandLimit);
        var setups = cell.Lanes.SelectMany(lane => lane.Devices)
            .Select(profile => new DeviceSetup(profile.Name, cell.Gates[profile.Name], [cell.Mqtt.Device(profile.Name)], commands))
            .ToArray();
        var supervisor = system.ActorOf(DeviceSupervisorActor.Props(setups, worldModel), $"{cell.Name}-devices");
        var directory = await supervisor.Ask<DeviceDirectory>(new GetDeviceDirectory(cell.Name), s_askLimit).ConfigureAwait(false);
        var lanes = cell.Lanes.Select(lane => (lane, lane.Devices.Select(profile => directory.Devices[profile.Name]).ToArray())).ToArray();
        var gate = new SupervisorGate(cell.Supervisor, TimeProvider.System);
        return system.ActorOf(CellDriverActor.Props(cell.Name, lanes, gate, world, cell.Floor, probe, rate), $"{cell.Name}-driver");
    }

    /// <summary>
    /// Akka's scheduler starts its timer thread on first use and blocks the caller until it runs; a hundred drivers
    /// starting their ticks at once would each block a thread-pool thread there and starve the actors. Start it here.
    /// </summary>
    private static Task StartSchedulerAsync(ActorSystem system)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMilliseconds(1), () => started.TrySetResult());
        return started.Task;
    }

    /// <summary>Waits out the window, sampling the GC heap; returns its peak.</summary>
    private static async Task<long> SamplePeakHeapAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var peak = GC.GetTotalMemory(forceFullCollection: false);
        var until = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            await Task.Delay(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }

        return peak;
    }

    /// <summary>The cells' tallies once no command is in flight any more, or when the drain limit is up (what is left is lost).</summary>
    private static async Task<CellTally[]> DrainAsync(IReadOnlyList<IActorRef> drivers, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var tallies = await Task.WhenAll(drivers.Select(driver => driver.Ask<CellTally>(CellDriverActor.GetTally.Instance, s_askLimit, cancellationToken))).ConfigureAwait(false);
            if (tallies.All(tally => tally.InFlight == 0) || Stopwatch.GetTimestamp() > deadline)
            {
                return tallies;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}
