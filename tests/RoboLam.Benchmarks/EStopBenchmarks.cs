using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using UnitsNet;

namespace RoboLam.Benchmarks;

/// <summary>
/// E-stop reaction through the safety layer: from the e-stop input's edge (a reading as the GPIO inputs raise
/// it) to the guarded arm's outputs being safe (its stop has completed: every servo channel released). Each
/// measured call starts with the arm in the middle of a trajectory behind a <see cref="SafeActuator"/>.
/// </summary>
[Config(typeof(ReactionConfig))]
public class EStopBenchmarks
{
    private SafetySupervisor _supervisor = null!;
    private ServoOutputs _arm = null!;
    private SafeActuator _gate = null!;
    private EdgeInput _input = null!;
    private IDisposable _connection = null!;
    private FollowTrajectory _move = null!;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var robot = RobotFileLoader.LoadOrThrow(RobotFile());

        // Category 0 with released outputs: the stop is complete when the last channel is off.
        robot = robot with { Stop = robot.Stop with { Category = StopCategory.Uncontrolled, OutputsAfterStop = OutputsAfterStop.Released } };
        _supervisor = new SafetySupervisor(robot);
        _arm = new ServoOutputs(robot.Name, robot.Arm.Joints.Count + 1);
        _gate = new SafeActuator(_arm, _supervisor, TimeProvider.System);
        _input = new EdgeInput();
        _connection = SafetyInputs.Connect(_supervisor, _input);
        var home = robot.Arm.HomeAngles;
        var samples = Enumerable.Range(0, 200)
            .Select(step => new TrajectorySample(Duration.FromMilliseconds(20 * step), home.Lerp(JointAngles.FromDegrees(20, 90, -90, -90), step / 199.0)))
            .ToArray();
        _move = new FollowTrajectory(new CommandId("move"), new JointTrajectory(samples));
    }

    [IterationSetup]
    public void StartMotion()
    {
        _input.Set(false);
        var now = DateTimeOffset.UtcNow;
        _arm.Beat(now);
        var reset = _supervisor.Reset(now);
        if (!reset.Accepted)
        {
            throw new InvalidOperationException(reset.Message);
        }

        _supervisor.ObservePosition(_arm.Name, _move.Trajectory.Start, now);
        _ = _gate.ExecuteAsync(_move with { Id = new CommandId($"move-{_iteration++}") });
        if (!_arm.Moving)
        {
            throw new InvalidOperationException("the arm did not start moving");
        }
    }

    /// <summary>The input edge; returns once the stop has reached the arm and its outputs are off.</summary>
    [Benchmark]
    public bool EdgeToOutputsSafe()
    {
        _input.Set(true);
        return _arm.OutputsSafe ? true : throw new InvalidOperationException("the outputs are not safe when the edge has been handled");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    internal static string RobotFile()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "robots", "arm4.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("robots/arm4.json not found above the working directory.");
    }

    /// <summary>
    /// One edge per measurement (the arm must be moving again before each), 2,000 of them for a stable 99th
    /// percentile, in process: the e-stop path runs in the controller's process, and a generated project would
    /// only add a build that is slow on a loaded machine.
    /// </summary>
    internal sealed class ReactionConfig : ManualConfig
    {
        public ReactionConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(50)
                .WithIterationCount(2000)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        }
    }

    /// <summary>The 99th percentile, which the e-stop target is stated in.</summary>
    private sealed class P99Column : IColumn
    {
        public string Id => "P99";

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "99th percentile of the edge-to-safe time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null
                ? "-"
                : (statistics.Percentiles.Percentile(99) / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " μs";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>A servo board's channels as pulse widths; a stop releases them all (pulse 0).</summary>
    private sealed class ServoOutputs(string name, int channels) : IActuator
    {
        private readonly double[] _pulseMicroseconds = new double[channels];
        private TaskCompletionSource<CommandOutcome>? _running;
        private CommandId _runningId;

        public string Name { get; } = name;

        public ActuatorState State { get; private set; }

        public bool Moving => _running is not null;

        public bool OutputsSafe => _running is null && _pulseMicroseconds.All(pulse => pulse == 0);

        public event EventHandler<ActuatorFeedback>? Feedback;

        public event EventHandler<Heartbeat>? Heartbeat;

        public void Beat(DateTimeOffset at) => Heartbeat?.Invoke(this, new Heartbeat(Name, at, State));

        public Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
        {
            Array.Fill(_pulseMicroseconds, 1500);
            State = ActuatorState.Busy;
            _runningId = command.Id;
            _running = new TaskCompletionSource<CommandOutcome>();
            Feedback?.Invoke(this, new ActuatorFeedback(Name, command.Id, 0, FeedbackStatus.Started, DateTimeOffset.UtcNow));
            return _running.Task;
        }

        public Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
        {
            Array.Clear(_pulseMicroseconds);
            State = ActuatorState.Stopped;
            var running = _running;
            _running = null;
            running?.TrySetResult(CommandOutcome.Stopped(_runningId, request.Reason));
            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }

    /// <summary>The e-stop input as a sensor: the current state on demand, and an event on each edge.</summary>
    private sealed class EdgeInput : ISensor
    {
        private bool _pressed;

        public string Name => "inputs";

        public event EventHandler<SensorReading>? ReadingChanged;

        public IReadOnlyList<SensorReading> ReadAll() => [Reading()];

        public void Set(bool pressed)
        {
            _pressed = pressed;
            ReadingChanged?.Invoke(this, Reading());
        }

        public void Dispose()
        {
        }

        private DigitalInputReading Reading() => new("e-stop", DateTimeOffset.UtcNow, InputRole.EmergencyStop, _pressed);
    }
}
