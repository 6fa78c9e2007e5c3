using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using RoboLam.Safety.Gate;
using RoboLam.Safety.Supervisor;

namespace RoboLam.Safety.Tests.Support;

/// <summary>
/// A guarded cell for tests: arm4's supervisor, a recording arm parked at home behind a <see cref="SafeActuator"/>,
/// a manual clock, heartbeats every 100 ms while <see cref="Beating"/>, and the e-stop channels reported released.
/// </summary>
internal sealed class Cell : IDisposable
{
    private readonly SynchronizationContext? _testContext;
    private DateTimeOffset _lastBeat;

    public Cell(RobotDescription? robot = null, bool reportChannels = true)
    {
        // The test framework's context would send the gate's continuations to the thread pool, racing the
        // manual clock; without it they run inline when the arm completes, as on a controller thread.
        _testContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        Robot = robot ?? TestRobots.Arm4;
        Clock = new ManualClock();
        Supervisor = new SafetySupervisor(Robot);
        Supervisor.StopDemanded += (_, demand) => Demands.Add(demand);
        Arm = new RecordingArm(Clock, Robot.Name, Robot.Arm.HomeAngles);
        Gate = new SafeActuator(Arm, Supervisor, Clock);
        Supervisor.ObservePosition(Robot.Name, Home, Clock.Now);
        if (reportChannels)
        {
            foreach (var channel in Robot.Safety!.EmergencyStops.SelectMany(device => device.Channels))
            {
                Supervisor.EmergencyStopChannelChanged(channel, pressed: false, Clock.Now);
            }
        }

        _lastBeat = Clock.Now;
        Clock.Advanced += BeatWhenDue;
    }

    public RobotDescription Robot { get; }

    public ManualClock Clock { get; }

    public SafetySupervisor Supervisor { get; }

    public RecordingArm Arm { get; }

    public SafeActuator Gate { get; }

    public List<StopDemand> Demands { get; } = [];

    public bool Beating { get; set; } = true;

    /// <summary>When the arm last sent a heartbeat.</summary>
    public DateTimeOffset LastBeat => _lastBeat;

    public JointAngles Home => Robot.Arm.HomeAngles;

    public DateTimeOffset Now => Clock.Now;

    public FollowTrajectory Move(JointAngles from, JointAngles to, double seconds, string id = "move") =>
        new(new CommandId(id), Moves.Linear(from, to, seconds));

    public void Press(string channel = "e-stop") => Supervisor.EmergencyStopChannelChanged(channel, pressed: true, Clock.Now);

    public void Release(string channel = "e-stop") => Supervisor.EmergencyStopChannelChanged(channel, pressed: false, Clock.Now);

    public void Dispose()
    {
        Clock.Advanced -= BeatWhenDue;
        Gate.Dispose();
        SynchronizationContext.SetSynchronizationContext(_testContext);
    }

    private void BeatWhenDue()
    {
        if (Beating && Clock.Now - _lastBeat >= TimeSpan.FromMilliseconds(100))
        {
            _lastBeat = Clock.Now;
            Arm.Beat();
        }
    }
}
