using Akka.Actor;
using Akka.Pattern;
using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Execution;
using RoboLam.Runtime.Goals;
using RoboLam.Runtime.Journal;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Controller;

/// <summary>
/// The root of the runtime (<c>/user/robolam</c>): creates the world model, the command journal, the device
/// supervisor, the planner and the goal queue (and the control loop's heartbeat when the set-up asks for one), and
/// routes client messages to them.
/// </summary>
public sealed class ControllerActor : ReceiveActor
{
    public ControllerActor(ControllerSetup setup)
    {
        var domain = DomainModel.Create(setup.Domain);
        var world = Context.ActorOf(WorldModelActor.Props(setup.CreateInitialWorld(), setup.Sensing), "world-model");

        // Persistence stops a journal whose write fails, and any other fault of the journal stops it too; the back-off
        // supervisor starts it again and it recovers (the shared run keeps it from taking running commands for interrupted).
        var journalOptions = Backoff.OnStop(CommandJournalActor.Props(new JournalRun()), "command-journal", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, maxNrOfRetries: -1)
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop));
        var journal = Context.ActorOf(BackoffSupervisor.Props(journalOptions), "command-journal-supervisor");
        var devices = Context.ActorOf(DeviceSupervisorActor.Props(setup.Devices, world), "devices");
        var planner = Context.ActorOf(
            PlannerActor.Props(domain, new ProblemBuilder(setup.Domain, setup.InitialWorld), setup.Planner, setup.Assignments, world),
            "planner");
        var execution = new ExecutorContext(domain, world, setup.SafetyGate, setup.Execution);
        var goals = Context.ActorOf(
            GoalQueueActor.Props(directory => new GoalContext(planner, world, journal, execution, directory), devices),
            "goals");
        if (setup.ControlLoop is { } loop)
        {
            Context.ActorOf(ControlLoopActor.Props(loop, world), "control-loop");
        }

        Receive<SubmitGoal>(message => goals.Forward(message));
        Receive<CancelGoal>(message => goals.Forward(message));
        Receive<ResumeAfterSafetyStop>(message => goals.Forward(message));
        Receive<GetWorld>(message => world.Forward(message));
        Receive<FactsSensed>(message => world.Forward(message));
        Receive<UpdateObjects>(message => world.Forward(message));
        Receive<GetInterruptedCommands>(message => journal.Forward(message));
        Receive<GetOpenCommands>(message => journal.Forward(message));
    }

    public static Props Props(ControllerSetup setup) => Akka.Actor.Props.Create(() => new ControllerActor(setup));

    /// <summary>
    /// The world model's belief and the goal queue's device loans must survive a bug in one message: children are
    /// resumed, not restarted. A child that cannot even start, and a device fault the device supervisor could not
    /// judge, escalate: under the default guardian the controller restarts, every device actor that ends mid-action
    /// stops its device, and the journal's recovery reports the commands that were running as interrupted.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decide);

    internal static Directive Decide(Exception exception) =>
        exception is ActorInitializationException or DeviceFaultException ? Directive.Escalate : Directive.Resume;
}
