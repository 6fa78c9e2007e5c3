using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Hosting;
using RoboLam.Runtime.Messages;
using RoboLam.Runtime.Semantics;
using RoboLam.Runtime.Tests.Support;

namespace RoboLam.Runtime.Tests;

/// <summary>The controller as a composition root hosts it: Akka.Hosting under Microsoft.Extensions.Hosting.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_controller_starts_under_the_generic_host_and_plans_and_executes_a_goal()
    {
        var arm = new ScriptedActuator("arm") { CompleteAtOnce = true };
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddRoboLamController(ControllerSetups.Tabletop(arm));
        using var host = builder.Build();
        await host.StartAsync();

        var system = host.Services.GetRequiredService<ActorSystem>();
        var controller = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<ControllerActor>();
        var client = new ReplyCollector(system, "client");
        controller.Tell(new SubmitGoal("g1", GoalCondition.FromLiterals("(on g1 r1)"), "green on red"), client.Ref);

        await client.NextAsync<GoalAccepted>();
        var outcome = (await client.NextAsync<GoalFinished>()).Outcome;
        Assert.Equal(GoalStatus.Achieved, outcome.Status);
        Assert.Equal(["(unstack g1 r2)", "(place-on g1 r1)"], outcome.CompletedActions);
        Assert.Equal(
            ["(unstack g1 r2)", "(place-on g1 r1)"],
            arm.Received.Select(command => ((Hardware.Contracts.SetDigitalOutput)command).Output));
        Assert.Equal("/user/robolam", controller.Path.ToStringWithoutAddress());

        await host.StopAsync();
    }

    [Fact]
    public void A_set_up_with_problems_is_refused_when_the_services_are_registered_not_when_the_host_starts()
    {
        var setup = ControllerSetups.Tabletop(new ScriptedActuator("arm")) with { Devices = [] };

        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddRoboLamController(setup));
    }
}
