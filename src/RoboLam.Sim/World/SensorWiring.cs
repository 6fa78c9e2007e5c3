using System.Device.Gpio;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Sim.Gpio;

namespace RoboLam.Sim.World;

/// <summary>
/// Drives the simulated GPIO inputs from the world: "object held" follows the gripper's contents,
/// "part present" follows the blocks at its place, everything else (e-stop, limit switches) rests inactive
/// until a fault or a test drives it. Levels respect each input's active-low wiring.
/// </summary>
public sealed class SensorWiring
{
    private readonly RobotDescription _robot;
    private readonly TabletopWorld _world;
    private readonly SimulatedGpioDriver _gpio;

    public SensorWiring(RobotDescription robot, TabletopWorld world, SimulatedGpioDriver gpio)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(gpio);
        _robot = robot;
        _world = world;
        _gpio = gpio;
        foreach (var input in robot.Inputs)
        {
            Drive(input, active: false);
        }

        world.BlockMoved += (_, _) => Refresh();
        Refresh();
    }

    /// <summary>Sets an input to active or inactive, as the switch or sensor would.</summary>
    public void Drive(DigitalInputDescription input, bool active)
    {
        ArgumentNullException.ThrowIfNull(input);
        _gpio.DriveInput(input.Pin, active == input.ActiveLow ? PinValue.Low : PinValue.High);
    }

    public DigitalInputDescription Input(string name) =>
        _robot.Inputs.FirstOrDefault(input => string.Equals(input.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Robot \"{_robot.Name}\" has no input \"{name}\"; its inputs are: {string.Join(", ", _robot.Inputs.Select(input => input.Name))}.", nameof(name));

    private void Refresh()
    {
        foreach (var input in _robot.Inputs)
        {
            switch (input.Role)
            {
                case InputRole.ObjectHeld:
                    Drive(input, _world.Held is not null);
                    break;
                case InputRole.PartPresent when input.Place is not null && _robot.FindPlace(input.Place) is { } place:
                    var half = TabletopWorld.BinSide / 2;
                    var present = _world.Blocks.Any(block => block.Support != Block.Gripper
                        && Math.Abs(block.Bottom.XMeters - place.X.Meters) <= half
                        && Math.Abs(block.Bottom.YMeters - place.Y.Meters) <= half);
                    Drive(input, present);
                    break;
                default:
                    break;
            }
        }
    }
}
