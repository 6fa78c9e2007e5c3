using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Description;
using RoboLam.Hardware.Kinematics;
using UnitsNet;

namespace RoboLam.Hardware.Motion;

/// <summary>
/// Expands a ground action (<c>pick r1</c>) through the robot's binding into primitives, binds their
/// arguments to positions from the world, and turns each motion into a speed-limited joint trajectory along
/// straight Cartesian lines (vertical descents and lifts, horizontal travel at the safe height).
/// </summary>
public sealed class MotionExpander
{
    /// <summary>How far from a table slot's centre another object counts as occupying it.</summary>
    private static readonly Length s_slotClearance = Length.FromMeters(0.04);

    private readonly RobotDescription _robot;
    private readonly ArmKinematics _kinematics;
    private readonly CartesianPath _path;
    private readonly TrajectoryPlanner _planner;

    public MotionExpander(RobotDescription robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        _robot = robot;
        _kinematics = new ArmKinematics(robot.Arm);
        _path = new CartesianPath(_kinematics, robot.Motion.PathStep);
        _planner = new TrajectoryPlanner(robot.Arm.Joints, robot.Motion.SamplePeriod);
    }

    public ArmKinematics Kinematics => _kinematics;

    public TrajectoryPlanner Planner => _planner;

    /// <param name="actionId">The executor's id for this action; command ids derive from it.</param>
    /// <param name="action">The action name, e.g. <c>pick</c>.</param>
    /// <param name="arguments">The ground arguments, e.g. <c>["r1"]</c>.</param>
    /// <param name="current">Where the joints are now.</param>
    /// <param name="world">Positions of objects as they are now.</param>
    /// <param name="speedScale">Fraction of the joint speed limits to use.</param>
    /// <exception cref="MotionBindingException">No binding, wrong arity, unknown object, or a point out of reach.</exception>
    public ExpandedAction Expand(string actionId, string action, IReadOnlyList<string> arguments, JointAngles current, IObjectPositions world, double speedScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(world);
        var binding = _robot.FindBinding(action)
            ?? throw new MotionBindingException($"Robot \"{_robot.Name}\" has no binding for action \"{action}\"; add one under \"bindings\" in its robot file.");
        if (binding.Arity != arguments.Count)
        {
            throw new MotionBindingException($"Action \"{action}\" takes {binding.Arity} argument(s) ({string.Join(' ', binding.Parameters)}), got {arguments.Count}.");
        }

        var values = binding.Parameters.Select((parameter, index) => (parameter, value: arguments[index]))
            .ToDictionary(pair => pair.parameter, pair => pair.value, StringComparer.OrdinalIgnoreCase);
        var steps = new List<ExpandedStep>();
        var angles = current;
        foreach (var primitive in binding.Steps)
        {
            var id = CommandId.ForStep(actionId, steps.Count);
            try
            {
                var command = ExpandStep(id, primitive, values, ref angles, world, speedScale);
                steps.Add(new ExpandedStep(primitive, command));
            }
            catch (UnreachableTargetException exception)
            {
                throw new MotionBindingException($"Step \"{primitive}\" of \"{action} {string.Join(' ', arguments)}\" is out of reach: {exception.Message}", exception);
            }
        }

        return new ExpandedAction(actionId, action, arguments.ToArray(), steps, angles);
    }

    private ActuatorCommand ExpandStep(CommandId id, PrimitiveStep primitive, Dictionary<string, string> values, ref JointAngles angles, IObjectPositions world, double speedScale)
    {
        switch (primitive.Kind)
        {
            case PrimitiveKind.Open:
                return new OperateGripper(id, GripperAction.Open);
            case PrimitiveKind.Close:
                return new OperateGripper(id, GripperAction.Close);
        }

        var here = _kinematics.Forward(angles);
        var travel = _robot.Motion.TravelHeight;
        IReadOnlyList<Point3> line;
        switch (primitive.Kind)
        {
            case PrimitiveKind.Lift:
                line = [here, here.WithZ(Max(here.Z, travel))];
                break;
            case PrimitiveKind.MoveAbove:
            {
                var (target, carried) = Resolve(primitive, values, world);
                var above = new Point3(target.Top.X, target.Top.Y, target.Top.Z + CarriedBelowFingers(carried) + _robot.Motion.ApproachHeight);
                line = Travel(here, above);
                break;
            }

            case PrimitiveKind.Descend:
            {
                var (target, carried) = Resolve(primitive, values, world);
                var fingertips = carried is null
                    ? target.Top.Z - GraspOffset(target)
                    : target.Top.Z + CarriedBelowFingers(carried);
                line = [here, new Point3(target.Top.X, target.Top.Y, fingertips)];
                break;
            }

            case PrimitiveKind.MoveTo:
            {
                var (target, _) = Resolve(primitive, values, world);
                line = Travel(here, target.Top);
                break;
            }

            default:
                throw new MotionBindingException($"Primitive {primitive.Kind} has no expansion.");
        }

        var waypoints = new List<JointAngles> { angles };
        waypoints.AddRange(_path.Through(line).Skip(1));
        var trajectory = _planner.Plan(waypoints, speedScale);
        angles = trajectory.End;
        return new FollowTrajectory(id, trajectory);
    }

    /// <summary>
    /// Vertically to the cruise height (the travel height, or the destination if higher), across, then
    /// vertically to the destination. Starting high (at home) the first leg goes down: far points are only
    /// reachable low.
    /// </summary>
    private IReadOnlyList<Point3> Travel(Point3 from, Point3 to)
    {
        var cruise = Max(to.Z, _robot.Motion.TravelHeight);
        return [from, from.WithZ(cruise), to.WithZ(cruise), to];
    }

    private (ObjectLocation Target, ObjectLocation? Carried) Resolve(PrimitiveStep primitive, Dictionary<string, string> values, IObjectPositions world)
    {
        var target = Locate(primitive.Arguments[0], values, world);
        var carried = primitive.Arguments.Count > 1 ? Locate(primitive.Arguments[1], values, world) : null;
        return (target, carried);
    }

    private ObjectLocation Locate(string argument, Dictionary<string, string> values, IObjectPositions world)
    {
        if (string.Equals(argument, PrimitiveNames.FreeTableSlot, StringComparison.OrdinalIgnoreCase))
        {
            var slot = _robot.Places.FirstOrDefault(place => place.Kind == PlaceKind.TableSlot && !world.IsOccupied(place.X, place.Y, s_slotClearance))
                ?? throw new MotionBindingException($"Every table slot of robot \"{_robot.Name}\" is occupied; clear one or add a \"table-slot\" place.");
            return new ObjectLocation(new Point3(slot.X, slot.Y, slot.Z), Length.Zero);
        }

        var name = argument.StartsWith('?') ? values[argument] : argument;
        if (world.TryLocate(name, out var location))
        {
            return location;
        }

        if (_robot.FindPlace(name) is { } place)
        {
            return new ObjectLocation(new Point3(place.X, place.Y, place.Z), Length.Zero);
        }

        throw new MotionBindingException($"The position of \"{name}\" is unknown: it is neither an object in the world nor a place of robot \"{_robot.Name}\".");
    }

    /// <summary>How deep the fingers close below an object's top: the grasp depth, at most half its height.</summary>
    private Length GraspOffset(ObjectLocation item) => Min(_robot.Motion.GraspDepth, item.Height / 2);

    /// <summary>How far a carried object hangs below the fingertips.</summary>
    private Length CarriedBelowFingers(ObjectLocation? carried) => carried is null ? Length.Zero : carried.Height - GraspOffset(carried);

    private static Length Max(Length a, Length b) => a > b ? a : b;

    private static Length Min(Length a, Length b) => a < b ? a : b;
}
