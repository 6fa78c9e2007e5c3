using RoboLam.Runtime.Devices;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.Tests.Support;

namespace RoboLam.Runtime.Tests;

public sealed class ControllerSetupTests
{
    [Fact]
    public void A_usable_set_up_passes_validation()
    {
        ControllerSetups.Tabletop(new ScriptedActuator("arm")).Validate();
    }

    [Fact]
    public void Validation_names_every_problem_of_the_set_up_at_once()
    {
        var arm = new ScriptedActuator("arm");
        var good = ControllerSetups.Tabletop(arm);
        var assignments = Domains.Tabletop.ActionNames
            .Where(action => action != "pick")
            .Select(action => new DeviceAssignment(action, action == "put-in" ? "gripper" : "arm", TimeSpan.FromSeconds(10)));
        var setup = good with
        {
            Devices = [good.Devices[0], good.Devices[0] with { Actuator = new ScriptedActuator("arm") }],
            Assignments = new DeviceAssignments(assignments),
            Planner = new PlannerSettings(["warp-drive()"], TimeSpan.FromSeconds(1), TimeSpan.Zero),
        };

        var message = Assert.Throws<ArgumentException>(setup.Validate).Message;

        Assert.Contains("action \"pick\" of domain \"tabletop\" has no device assignment", message, StringComparison.Ordinal);
        Assert.Contains("device \"arm\" is listed 2 times", message, StringComparison.Ordinal);
        Assert.Contains("action \"put-in\" is assigned to device \"gripper\", which is not among the devices (arm)", message, StringComparison.Ordinal);
        Assert.Contains("planner configuration \"warp-drive()\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planner_without_any_search_configuration_is_refused()
    {
        var setup = ControllerSetups.Tabletop(new ScriptedActuator("arm")) with
        {
            Planner = new PlannerSettings([], TimeSpan.FromSeconds(1), TimeSpan.Zero),
        };

        var message = Assert.Throws<ArgumentException>(setup.Validate).Message;

        Assert.Contains("the planner needs at least one search configuration", message, StringComparison.Ordinal);
    }
}
