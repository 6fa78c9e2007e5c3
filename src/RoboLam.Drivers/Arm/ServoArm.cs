using System.Device.I2c;
using System.Globalization;
using Iot.Device.Pwm;
using Iot.Device.ServoMotor;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Drivers.Arm;

/// <summary>
/// The arm and gripper on a PCA9685 servo board, through the real <see cref="Pca9685"/> and
/// <see cref="ServoMotor"/> bindings. A trajectory is played as timed servo writes, one per sample, on the
/// injected <see cref="TimeProvider"/> (real time on a Pi, virtual time in the simulator). Between any two
/// samples a stop takes over: a controlled stop decelerates, then the outputs are held or released as the
/// robot file says.
/// </summary>
public sealed class ServoArm : IActuator, ISensor
{
    private readonly Pca9685 _board;
    private readonly ServoChannel[] _joints;
    private readonly ServoChannel _gripper;
    private readonly RobotDescription _robot;
    private readonly TimeProvider _time;
    private readonly bool _shouldDispose;
    private readonly object _busGate = new();
    private readonly object _stateGate = new();
    private readonly CommandLedger _ledger = new();
    private readonly ITimer _heartbeatTimer;
    private CancellationTokenSource? _motionStop;
    private Task? _motion;
    private StopRequest? _stopRequest;
    private JointAngles _commanded;
    private JointAngles? _previousCommanded;
    private GripperAction? _gripperState;
    private ActuatorState _state = ActuatorState.Idle;
    private string? _fault;
    private bool _disposed;

    /// <param name="i2cDevice">The servo board's I2C device (bus and address from the robot file).</param>
    /// <param name="robot">The robot description: channels, calibrations, limits, stop behaviour.</param>
    /// <param name="timeProvider">Clock for sample timing and heartbeats; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="i2cDevice"/> with this driver.</param>
    /// <param name="initialAngles">Where the arm is parked at power-up; the home pose when null.</param>
    public ServoArm(I2cDevice i2cDevice, RobotDescription robot, TimeProvider? timeProvider = null, bool shouldDispose = true, JointAngles? initialAngles = null)
    {
        ArgumentNullException.ThrowIfNull(i2cDevice);
        ArgumentNullException.ThrowIfNull(robot);
        _robot = robot;
        _time = timeProvider ?? TimeProvider.System;
        _shouldDispose = shouldDispose;
        _board = new Pca9685(i2cDevice, pwmFrequency: robot.ServoBoard.PwmFrequency.Hertz);
        _joints = robot.Arm.Joints.Select(joint => CreateChannel(joint.Servo, joint.Name)).ToArray();
        _gripper = CreateChannel(robot.Arm.Gripper.Servo, "gripper");
        _commanded = initialAngles ?? robot.Arm.HomeAngles;
        Name = robot.Name;
        _heartbeatTimer = _time.CreateTimer(_ => Beat(), null, robot.HeartbeatPeriod.ToTimeSpan(), robot.HeartbeatPeriod.ToTimeSpan());
    }

    public string Name { get; }

    public ActuatorState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    /// <summary>The joint angles last written to the servos (hobby servos report nothing back).</summary>
    public JointAngles CommandedAngles
    {
        get
        {
            lock (_stateGate)
            {
                return _commanded;
            }
        }
    }

    public GripperAction? GripperState => _gripperState;

    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public event EventHandler<SensorReading>? ReadingChanged;

    public async Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ledger.TryGetEarlier(command.Id, out var earlier))
        {
            return earlier;
        }

        if (Refusal(command) is { } reason)
        {
            return CommandOutcome.Refused(command.Id, reason);
        }

        CancellationTokenSource stop;
        var completion = new TaskCompletionSource();
        lock (_stateGate)
        {
            if (_state == ActuatorState.Busy)
            {
                return CommandOutcome.Refused(command.Id, $"{Name} is busy with another command; send one command at a time");
            }

            if (_state == ActuatorState.Faulted)
            {
                return CommandOutcome.Refused(command.Id, $"{Name} is faulted ({_fault}); it needs attention before it moves again");
            }

            _state = ActuatorState.Busy;
            _stopRequest = null;
            stop = _motionStop = new CancellationTokenSource();
            _motion = completion.Task; // set with the state, so a concurrent stop always waits for this motion
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            Report(command.Id, 0, FeedbackStatus.Started);
            var outcome = command switch
            {
                FollowTrajectory follow => await PlayAsync(follow, linked.Token).ConfigureAwait(false),
                OperateGripper grip => await GripAsync(grip, linked.Token).ConfigureAwait(false),
                _ => CommandOutcome.Refused(command.Id, $"{Name} cannot run {command.GetType().Name}; it takes FollowTrajectory and OperateGripper"),
            };
            SetStateIf(ActuatorState.Busy, ActuatorState.Idle);
            return _ledger.Record(outcome);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var outcome = CommandOutcome.Stopped(command.Id, _stopRequest?.Reason ?? "stopped");
            Report(command.Id, 1, FeedbackStatus.Stopped);
            return _ledger.Record(outcome);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up: outputs hold the last position, the command may be sent again later.
            SetState(ActuatorState.Idle, null);
            throw;
        }
        catch (IOException exception)
        {
            SetState(ActuatorState.Faulted, exception.Message);
            var outcome = CommandOutcome.Failed(command.Id, $"{Name}: servo board write failed: {exception.Message}");
            Report(command.Id, 0, FeedbackStatus.Failed);
            return _ledger.Record(outcome);
        }
        finally
        {
            completion.TrySetResult();
            lock (_stateGate)
            {
                _motionStop = null;
            }

            stop.Dispose();
        }
    }

    public async Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task? motion;
        bool wasMoving;
        CancellationTokenSource? motionStop;
        lock (_stateGate)
        {
            _stopRequest = request;
            motion = _motion;
            wasMoving = _state == ActuatorState.Busy;
            motionStop = _motionStop;
        }

        if (motionStop is not null)
        {
            ContextFree.Run(() => CancelQuietly(motionStop));
        }

        if (motion is not null)
        {
            await motion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (request.Category == StopCategory.Controlled && wasMoving)
            {
                await DecelerateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_robot.Stop.OutputsAfterStop == OutputsAfterStop.Released)
            {
                lock (_busGate)
                {
                    foreach (var channel in _joints.Append(_gripper))
                    {
                        channel.Release();
                    }
                }
            }

            SetState(ActuatorState.Stopped, null);
        }
        catch (IOException exception)
        {
            SetState(ActuatorState.Faulted, exception.Message);
        }
    }

    public IReadOnlyList<SensorReading> ReadAll() =>
        [new JointAnglesReading(Name, _time.GetUtcNow(), CommandedAngles, Measured: false)];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _heartbeatTimer.Dispose();
        if (_motionStop is { } motionStop)
        {
            CancelQuietly(motionStop);
        }
        foreach (var channel in _joints.Append(_gripper))
        {
            channel.Dispose();
        }

        if (_shouldDispose)
        {
            _board.Dispose();
        }
    }

    private ServoChannel CreateChannel(ServoCalibration servo, string name) =>
        new(new ServoMotor(_board.CreatePwmChannel(servo.Channel), servo.Travel.Degrees, servo.MinimumPulse.Microseconds, servo.MaximumPulse.Microseconds), servo, name);

    /// <summary>Why a command must not start at all, checked before the first write.</summary>
    private string? Refusal(ActuatorCommand command)
    {
        if (command is not FollowTrajectory follow)
        {
            return null;
        }

        var trajectory = follow.Trajectory;
        if (trajectory.Start.Count != _joints.Length)
        {
            return $"the trajectory has {trajectory.Start.Count} joints, {Name} has {_joints.Length}";
        }

        var drift = trajectory.Start.MaxDifference(CommandedAngles);
        if (drift.Degrees > 1.0)
        {
            return Invariant($"the trajectory starts at {trajectory.Start} but the arm is at {CommandedAngles} ({drift.Degrees:0.#}° apart); plan from the current position");
        }

        for (var index = 0; index < trajectory.Samples.Count; index++)
        {
            var angles = trajectory.Samples[index].Angles;
            for (var joint = 0; joint < _joints.Length; joint++)
            {
                var description = _robot.Arm.Joints[joint];
                if (!description.Allows(angles[joint]))
                {
                    return Invariant($"sample {index} puts the {description.Name} at {angles.DegreesAt(joint):0.#}°, beyond its limits {description.Minimum.Degrees:0.#}° to {description.Maximum.Degrees:0.#}°");
                }
            }
        }

        return null;
    }

    private async Task<CommandOutcome> PlayAsync(FollowTrajectory follow, CancellationToken cancellationToken)
    {
        var samples = follow.Trajectory.Samples;
        var start = _time.GetTimestamp();
        for (var index = 0; index < samples.Count; index++)
        {
            var wait = samples[index].Time.ToTimeSpan() - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Delay.For(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            WriteJoints(samples[index].Angles);
            var completion = samples.Count == 1 ? 1.0 : (double)index / (samples.Count - 1);
            Report(follow.Id, completion, completion >= 1.0 ? FeedbackStatus.Completed : FeedbackStatus.Progress, samples[index].Angles);
        }

        lock (_stateGate)
        {
            _previousCommanded = _commanded; // at rest: a later controlled stop has nothing to decelerate
        }

        return CommandOutcome.Completed(follow.Id);
    }

    private async Task<CommandOutcome> GripAsync(OperateGripper grip, CancellationToken cancellationToken)
    {
        var gripper = _robot.Arm.Gripper;
        lock (_busGate)
        {
            _gripper.WriteServoAngle(grip.Action == GripperAction.Open ? gripper.OpenAngle : gripper.ClosedAngle);
        }

        _gripperState = grip.Action;
        await Delay.For(gripper.ActuationTime.ToTimeSpan(), _time, cancellationToken).ConfigureAwait(false);
        Report(grip.Id, 1.0, FeedbackStatus.Completed);
        return CommandOutcome.Completed(grip.Id);
    }

    /// <summary>
    /// Category 1 (only when a motion was running): keep moving in the direction the last samples went, slowing linearly to zero over the
    /// robot's deceleration time, never past a joint limit.
    /// </summary>
    private async Task DecelerateAsync(CancellationToken cancellationToken)
    {
        JointAngles from;
        JointAngles? before;
        lock (_stateGate)
        {
            from = _commanded;
            before = _previousCommanded;
        }

        if (before is null)
        {
            return;
        }

        var period = _robot.Motion.SamplePeriod.Seconds;
        var total = _robot.Stop.DecelerationTime.Seconds;
        var velocity = Enumerable.Range(0, from.Count).Select(joint => (from.DegreesAt(joint) - before.DegreesAt(joint)) / period).ToArray();
        if (velocity.All(speed => Math.Abs(speed) < 1e-9) || total <= 0)
        {
            return;
        }

        var start = _time.GetTimestamp();
        for (var time = period; time <= total + 1e-9; time += period)
        {
            var wait = TimeSpan.FromSeconds(time) - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Delay.For(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            var travelled = Enumerable.Range(0, from.Count).Select(joint =>
            {
                var limit = _robot.Arm.Joints[joint];
                var degrees = from.DegreesAt(joint) + (velocity[joint] * (time - (time * time / (2 * total))));
                return Angle.FromDegrees(Math.Clamp(degrees, limit.Minimum.Degrees, limit.Maximum.Degrees));
            });
            WriteJoints(new JointAngles(travelled));
        }
    }

    private void WriteJoints(JointAngles angles)
    {
        lock (_busGate)
        {
            for (var joint = 0; joint < _joints.Length; joint++)
            {
                _joints[joint].WriteJointDegrees(angles.DegreesAt(joint));
            }
        }

        lock (_stateGate)
        {
            _previousCommanded = _commanded;
            _commanded = angles;
        }

        ReadingChanged?.Invoke(this, new JointAnglesReading(Name, _time.GetUtcNow(), angles, Measured: false));
    }

    /// <summary>A heartbeat proves the board still answers: it reads a register, and stays silent if it cannot.</summary>
    private void Beat()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            lock (_busGate)
            {
                _board.GetDutyCycle(_joints[0].Calibration.Channel);
            }
        }
        catch (IOException exception)
        {
            SetState(ActuatorState.Faulted, exception.Message);
            return;
        }

        string? fault;
        ActuatorState state;
        lock (_stateGate)
        {
            fault = _fault;
            state = _state;
        }

        Heartbeat?.Invoke(this, new Heartbeat(Name, _time.GetUtcNow(), state, fault));
    }

    /// <summary>The motion may have ended and disposed its source in the meantime; then there is nothing to cancel.</summary>
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void SetStateIf(ActuatorState expected, ActuatorState state)
    {
        lock (_stateGate)
        {
            if (_state == expected)
            {
                _state = state;
            }
        }
    }

    private void SetState(ActuatorState state, string? fault)
    {
        lock (_stateGate)
        {
            _state = state;
            _fault = fault;
        }
    }

    private void Report(CommandId id, double completion, FeedbackStatus status, JointAngles? commanded = null) =>
        Feedback?.Invoke(this, new ActuatorFeedback(Name, id, completion, status, _time.GetUtcNow(), commanded));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
