using System.Device.Gpio;
using BenchmarkDotNet.Attributes;
using RoboLam.Drivers.Arm;
using RoboLam.Drivers.Gpio;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;
using RoboLam.Sim;
using RoboLam.Sim.World;
using UnitsNet;

namespace RoboLam.Benchmarks;

/// <summary>
/// E-stop reaction through the whole driver path of the simulated cell: the e-stop pin goes low on the
/// simulated GPIO chip, the real GpioController and GpioButton raise the edge, GpioInputs reports it, the
/// supervisor latches, the gate stops the real ServoArm, and the benchmark ends when the simulated PCA9685 has
/// received the last register write that turns a servo pulse off (category 0, outputs released).
/// </summary>
[Config(typeof(EStopBenchmarks.ReactionConfig))]
public class EStopDriverBenchmarks
{
    private SimulatedRig _rig = null!;
    private ServoArm _driver = null!;
    private SafetySupervisor _supervisor = null!;
    private SafeActuator _gate = null!;
    private GpioInputs _inputs = null!;
    private IDisposable _connection = null!;
    private DigitalInputDescription _eStop = null!;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var robot = RobotFileLoader.LoadOrThrow(EStopBenchmarks.RobotFile());
        robot = robot with
        {
            Stop = new StopBehaviour(StopCategory.Uncontrolled, Duration.Zero, OutputsAfterStop.Released),
            Inputs = robot.Inputs.Select(input => input with { Debounce = Duration.Zero }).ToArray(),
        };
        _rig = new SimulatedRig(robot, new TabletopWorld());
        _driver = new ServoArm(_rig.CreateServoBoardDevice(), robot, _rig.Clock);
        _supervisor = new SafetySupervisor(robot);
        _gate = new SafeActuator(_driver, _supervisor, _rig.Clock);
        _inputs = new GpioInputs(new GpioController(_rig.Gpio), robot.Inputs, _rig.Clock);
        _connection = SafetyInputs.Connect(_supervisor, _inputs);
        _eStop = _rig.Sensors.Input("e-stop");
    }

    [IterationSetup]
    public void StartMotion()
    {
        _rig.Sensors.Drive(_eStop, active: false);
        var reset = _supervisor.Reset(_rig.Clock.GetUtcNow());
        if (!reset.Accepted)
        {
            throw new InvalidOperationException(reset.Message);
        }

        // The virtual clock stands still: the driver writes the first sample and waits for the next one.
        var from = _driver.CommandedAngles;
        var to = JointAngles.FromDegrees(_iteration % 2 == 0 ? 20 : -20, 90, -90, -90);
        var samples = Enumerable.Range(0, 100).Select(step => new TrajectorySample(Duration.FromMilliseconds(20 * step), from.Lerp(to, step / 99.0))).ToArray();
        _ = _gate.ExecuteAsync(new FollowTrajectory(new CommandId($"move-{_iteration++}"), new JointTrajectory(samples)));
        if (_driver.State != ActuatorState.Busy || _rig.ServoBoard.PulseWidth(0) is null)
        {
            throw new InvalidOperationException("the arm did not start moving");
        }
    }

    /// <summary>The pin edge; returns once every servo channel of the simulated board is off.</summary>
    [Benchmark]
    public bool PinEdgeToPulsesOff()
    {
        _rig.Sensors.Drive(_eStop, active: true);
        for (var channel = 0; channel < 5; channel++)
        {
            if (_rig.ServoBoard.PulseWidth(channel) is not null)
            {
                throw new InvalidOperationException($"channel {channel} still pulses when the edge has been handled");
            }
        }

        return true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        _inputs.Dispose();
        _gate.Dispose();
    }
}
