using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Kinematics;

namespace RoboLam.Safety.Tests.Support;

/// <summary>
/// An inner actuator that records every write it makes. Trajectories play on the manual clock: each sample is
/// written when its time comes, with feedback carrying the written angles, until the end or a stop. It can
/// stall (never finish), beat on demand, and run a hook inside <see cref="ExecuteAsync"/>.
/// </summary>
internal sealed class RecordingArm : IActuator
{
    private readonly ManualClock _clock;
    private Playback? _playing;

    public RecordingArm(ManualClock clock, string name = "arm4", JointAngles? position = null)
    {
        _clock = clock;
        Name = name;
        Position = position;
        clock.Advanced += Pump;
    }

    public string Name { get; }

    public ActuatorState State { get; private set; } = ActuatorState.Idle;

    public JointAngles? Position { get; private set; }

    /// <summary>Every output this actuator made, in order.</summary>
    public List<Write> Writes { get; } = [];

    /// <summary>Every command that reached this actuator, in order.</summary>
    public List<ActuatorCommand> Received { get; } = [];

    public List<StopRequest> Stops { get; } = [];

    /// <summary>When true, trajectories write their first sample and then hang (a stalled servo).</summary>
    public bool Stalls { get; set; }

    /// <summary>Told about every write as it happens (a property test's oracle checks it there).</summary>
    public Action<Write>? OnWrite { get; set; }

    /// <summary>Runs inside <see cref="ExecuteAsync"/> after the command is received, before playback starts.</summary>
    public Action<ActuatorCommand>? DuringExecute { get; set; }

    public event EventHandler<ActuatorFeedback>? Feedback;

    public event EventHandler<Heartbeat>? Heartbeat;

    public Task<CommandOutcome> ExecuteAsync(ActuatorCommand command, CancellationToken cancellationToken = default)
    {
        Received.Add(command);
        DuringExecute?.Invoke(command);
        switch (command)
        {
            case FollowTrajectory follow:
                var playback = new Playback(follow, _clock.Now);
                _playing = playback;
                State = ActuatorState.Busy;
                Pump();
                return playback.Completion.Task;
            case OperateGripper grip:
                Record(new Write(_clock.Now, command.Id, null, "gripper " + grip.Action, 0));
                return Task.FromResult(CommandOutcome.Completed(command.Id));
            case SetDigitalOutput output:
                Record(new Write(_clock.Now, command.Id, null, $"output {output.Output}={output.Active}", 0));
                return Task.FromResult(CommandOutcome.Completed(command.Id));
            default:
                return Task.FromResult(CommandOutcome.Refused(command.Id, "unknown command"));
        }
    }

    /// <summary>When true, stop requests are recorded but change nothing (a driver that hangs).</summary>
    public bool IgnoresStops { get; set; }

    public Task StopAsync(StopRequest request, CancellationToken cancellationToken = default)
    {
        Stops.Add(request);
        if (IgnoresStops)
        {
            return Task.CompletedTask;
        }

        State = ActuatorState.Stopped;
        if (_playing is { } playing)
        {
            _playing = null;
            Feedback?.Invoke(this, new ActuatorFeedback(Name, playing.Command.Id, 1, FeedbackStatus.Stopped, _clock.Now));
            playing.Completion.TrySetResult(CommandOutcome.Stopped(playing.Command.Id, request.Reason));
        }

        return Task.CompletedTask;
    }

    public void Beat(ActuatorState? state = null, string? fault = null) =>
        Heartbeat?.Invoke(this, new Heartbeat(Name, _clock.Now, state ?? State, fault));

    /// <summary>Reports a write this arm never made as if it had (a rogue driver).</summary>
    public void ReportRogueWrite(JointAngles angles) =>
        Feedback?.Invoke(this, new ActuatorFeedback(Name, new CommandId("rogue"), 0.5, FeedbackStatus.Progress, _clock.Now, angles));

    public void Dispose() => _clock.Advanced -= Pump;

    private void Pump()
    {
        if (_playing is not { } playing)
        {
            return;
        }

        var samples = playing.Command.Trajectory.Samples;
        var elapsed = _clock.Now - playing.Started;
        while (playing.Next < samples.Count && samples[playing.Next].Time.ToTimeSpan() <= elapsed && _playing == playing)
        {
            if (Stalls && playing.Next > 0)
            {
                return;
            }

            var index = playing.Next++;
            var angles = samples[index].Angles;
            Position = angles;
            Record(new Write(_clock.Now, playing.Command.Id, angles, "joints", samples[index].Time.Seconds));
            var completion = samples.Count == 1 ? 1.0 : (double)index / (samples.Count - 1);
            Feedback?.Invoke(this, new ActuatorFeedback(Name, playing.Command.Id, completion, completion >= 1 ? FeedbackStatus.Completed : FeedbackStatus.Progress, _clock.Now, angles));
        }

        if (playing.Next >= samples.Count && _playing == playing)
        {
            _playing = null;
            State = ActuatorState.Idle;
            playing.Completion.TrySetResult(CommandOutcome.Completed(playing.Command.Id));
        }
    }

    private void Record(Write write)
    {
        Writes.Add(write);
        OnWrite?.Invoke(write);
    }

    /// <summary>One output: when, for which command, the joint angles (null for gripper and outputs), and the sample's time in its trajectory.</summary>
    public sealed record Write(DateTimeOffset At, CommandId Id, JointAngles? Angles, string What, double SampleSeconds);

    private sealed class Playback(FollowTrajectory command, DateTimeOffset started)
    {
        public FollowTrajectory Command { get; } = command;

        public DateTimeOffset Started { get; } = started;

        public int Next { get; set; }

        public TaskCompletionSource<CommandOutcome> Completion { get; } = new(TaskCreationOptions.None);
    }
}
