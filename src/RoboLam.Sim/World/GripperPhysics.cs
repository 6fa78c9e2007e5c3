using RoboLam.Hardware.Description;
using RoboLam.Sim.Arm;
using RoboLam.Sim.Time;

namespace RoboLam.Sim.World;

/// <summary>
/// Where arm and world meet: when the gripper has finished closing around a clear block at the fingertips, the
/// block is held and follows the arm; when it has finished opening, the block drops onto whatever is below.
/// </summary>
public sealed class GripperPhysics
{
    private readonly SimulatedArm _arm;
    private readonly TabletopWorld _world;
    private readonly VirtualClock _clock;
    private readonly double _maxOpening;
    private ITimer? _settle;

    public GripperPhysics(SimulatedArm arm, TabletopWorld world, VirtualClock clock, GripperDescription gripper)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(gripper);
        _arm = arm;
        _world = world;
        _clock = clock;
        _maxOpening = gripper.MaxOpening.Meters;
        arm.GripperCommanded += OnGripperCommanded;
    }

    /// <summary>Raised when the fingers closed on nothing: (fingertip position as text).</summary>
    public event Action<string>? ClosedOnNothing;

    /// <summary>Fault: the held block slips out now and falls.</summary>
    public void Slip() => _world.Release();

    private void OnGripperCommanded(TimeSpan travel)
    {
        _settle?.Dispose();

        // Judge once the fingers have arrived (a stalled gripper servo never arrives; it is judged where it stopped).
        _settle = _clock.CreateTimer(_ => Settle(), null, travel + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    private void Settle()
    {
        var open = _arm.GripperOpenFraction;
        if (open > 0.5)
        {
            _world.Release();
            return;
        }

        if (_world.Held is not null)
        {
            return;
        }

        var tip = _arm.Fingertips;
        if (_world.BlockBetweenFingers(tip, _maxOpening) is { } block)
        {
            _world.Grasp(block, () => _arm.Fingertips);
        }
        else
        {
            ClosedOnNothing?.Invoke(tip.ToString());
        }
    }
}
