using RoboLam.Hardware.Contracts;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Safety;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>Controller set-ups on the tabletop domain with one scripted arm.</summary>
internal static class ControllerSetups
{
    /// <summary>
    /// Watchdogs long enough that a scripted device (which sends no heartbeats) is never timed out on a loaded
    /// machine: these tests are about the controller's wiring, not about the watchdogs.
    /// </summary>
    public static ExecutionSettings PatientExecution { get; } = new()
    {
        PreconditionTimeout = TimeSpan.FromMinutes(5),
        HeartbeatTimeout = TimeSpan.FromMinutes(5),
        EffectSettleTime = TimeSpan.FromSeconds(5),
        StopTimeout = TimeSpan.FromSeconds(30),
        MaxReplans = 0,
    };

    public static ControllerSetup Tabletop(IActuator arm, string? journalPath = null, ISafetyGate? gate = null, string deviceId = "arm") =>
        new(
            Domains.TabletopDomain,
            Domains.TabletopProblem,
            [new DeviceSetup(deviceId, arm, [], new OneCommandPerAction())],
            DeviceAssignments.AllTo(deviceId, TimeSpan.FromMinutes(5), Domains.Tabletop.ActionNames),
            gate ?? new RecordingGate())
        {
            JournalPath = journalPath,
            Planner = new PlannerSettings(["astar(lmcut)"], TimeSpan.FromSeconds(60), TimeSpan.Zero),
            Execution = PatientExecution,
            ExtraHocon = "akka.loglevel = WARNING",
        };
}

/// <summary>Each action becomes one switch command whose id derives from the action id, as real command sources do.</summary>
internal sealed class OneCommandPerAction : IActionCommandSource
{
    public IReadOnlyList<ActuatorCommand> CommandsFor(string actionId, PlannedAction action, WorldState world) =>
        [new SetDigitalOutput(CommandId.ForStep(actionId, 0), action.ToString(), true)];
}
