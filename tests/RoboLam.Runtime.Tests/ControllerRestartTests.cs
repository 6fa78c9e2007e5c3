using Akka.Actor;
using Microsoft.Data.Sqlite;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;

namespace RoboLam.Runtime.Tests;

/// <summary>The command journal on a SQLite file across actor systems: a crash mid-plan is reported, never resumed.</summary>
public sealed class ControllerRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("robolam-journal-").FullName;

    private string JournalPath => Path.Combine(_directory, "journal.db");

    [Fact]
    public async Task A_command_cut_off_mid_plan_is_reported_as_interrupted_with_its_last_confirmed_action_and_not_run_again()
    {
        var firstArm = new ScriptedActuator("arm");
        await using (var first = new ControllerProcess(ControllerSetups.Tabletop(firstArm, JournalPath)))
        {
            first.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "put the green block on the small red one"));
            await first.NextAsync<GoalAccepted>();
            (await firstArm.NextAsync()).Complete();
            var second = await firstArm.NextAsync();
            Assert.Equal("(place-on g1 r1)", ((Hardware.Contracts.SetDigitalOutput)second.Command).Output);

            // Wait until the journal has the confirmation and the dispatch on file, then kill the system mid-action.
            var open = await EventuallyAsync(
                () => first.AskAsync<OpenCommands>(new GetOpenCommands("before-crash")),
                commands => commands?.Commands is [{ LastConfirmedAction: not null, ActionsInFlight.Count: 1 }]);
            Assert.Equal("(unstack g1 r2)", open!.Commands[0].LastConfirmedAction);
            await first.KillAsync();
        }

        // The device actor that went down mid-action brought its device to a safe state.
        Assert.Contains("ended during g1.1.2", Assert.Single(firstArm.Stops).Reason, StringComparison.Ordinal);

        var secondArm = new ScriptedActuator("arm");
        await using (var restarted = new ControllerProcess(ControllerSetups.Tabletop(secondArm, JournalPath)))
        {
            var interrupted = (await restarted.AskAsync<InterruptedCommands>(new GetInterruptedCommands("after-crash"))).Commands;

            var command = Assert.Single(interrupted);
            Assert.Equal("g1", command.GoalId);
            Assert.Equal("put the green block on the small red one", command.Description);
            Assert.Equal("(unstack g1 r2)", command.LastConfirmedAction);
            Assert.Equal(["(place-on g1 r1) on arm"], command.ActionsInFlight);

            // Nothing runs: the controller has no open command and the arm was never commanded.
            Assert.Empty((await restarted.AskAsync<OpenCommands>(new GetOpenCommands("after-crash"))).Commands);
            Assert.Empty(secondArm.Received);
        }

        // The interruption was reported once and recorded: the next start has nothing to report.
        await using var third = new ControllerProcess(ControllerSetups.Tabletop(new ScriptedActuator("arm"), JournalPath));
        Assert.Empty((await third.AskAsync<InterruptedCommands>(new GetInterruptedCommands("third-start"))).Commands);
    }

    [Fact]
    public async Task A_command_that_concluded_before_the_stop_is_not_reported_as_interrupted()
    {
        var arm = new ScriptedActuator("arm") { CompleteAtOnce = true };
        await using (var first = new ControllerProcess(ControllerSetups.Tabletop(arm, JournalPath)))
        {
            first.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red"));
            Assert.Equal(GoalStatus.Achieved, (await first.NextAsync<GoalFinished>()).Outcome.Status);
            await EventuallyAsync(() => first.AskAsync<OpenCommands>(new GetOpenCommands("done")), commands => commands?.Commands.Count == 0);
        }

        await using var restarted = new ControllerProcess(ControllerSetups.Tabletop(new ScriptedActuator("arm"), JournalPath));
        Assert.Empty((await restarted.AskAsync<InterruptedCommands>(new GetInterruptedCommands("after-stop"))).Commands);
    }

    [Fact]
    public async Task A_journal_restarted_within_a_run_does_not_take_the_running_command_for_an_interrupted_one()
    {
        var arm = new ScriptedActuator("arm");
        await using var process = new ControllerProcess(ControllerSetups.Tabletop(arm, JournalPath));
        process.Send(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red"));
        var unstack = await arm.NextAsync();
        await EventuallyAsync(() => process.AskAsync<OpenCommands>(new GetOpenCommands("on-file")), commands => commands?.Commands.Count == 1);

        // The back-off supervisor starts the journal again; it recovers the command that is running right now.
        var journal = process.System.ActorSelection("/user/robolam/command-journal-supervisor/command-journal");
        var killed = await journal.ResolveOne(TimeSpan.FromSeconds(30));
        killed.Tell(Kill.Instance);
        await EventuallyAsync(() => journal.ResolveOne(TimeSpan.FromSeconds(2)), incarnation => incarnation is not null && !incarnation.Equals(killed));
        var open = await EventuallyAsync(
            () => process.AskAsync<OpenCommands>(new GetOpenCommands("after-journal-restart"), TimeSpan.FromSeconds(2)),
            commands => commands is not null);

        Assert.Equal("g1", Assert.Single(open!.Commands).GoalId);
        Assert.Empty((await process.AskAsync<InterruptedCommands>(new GetInterruptedCommands("after-journal-restart"))).Commands);
        unstack.Complete();
        (await arm.NextAsync()).Complete();
        Assert.Equal(GoalStatus.Achieved, (await process.NextAsync<GoalFinished>()).Outcome.Status);
    }

    public void Dispose()
    {
        // SQLite keeps pooled connections (and the file) open until told otherwise.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Asks again until the answer satisfies <paramref name="done"/>; the journal persists asynchronously.</summary>
    private static async Task<T?> EventuallyAsync<T>(Func<Task<T>> ask, Func<T?, bool> done)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            T? answer;
            try
            {
                answer = await ask();
            }
            catch (Exception exception) when (exception is AskTimeoutException or ActorNotFoundException && DateTime.UtcNow < limit)
            {
                // The journal is between incarnations: the back-off supervisor drops what arrives meanwhile.
                answer = default;
            }

            if (done(answer) || DateTime.UtcNow > limit)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }
}
