using RoboLam.Hardware.Contracts;

namespace RoboLam.Sim.World;

/// <summary>
/// A simulated overhead camera: reports the blocks' resting places from the tabletop world, now and after every
/// grasp, release or slip. It cannot see into the gripper; the "object held" input tells about that.
/// </summary>
public sealed class TabletopCamera : ISensor
{
    private readonly TabletopWorld _world;
    private readonly TimeProvider _time;

    public TabletopCamera(TabletopWorld world, TimeProvider timeProvider, string name = "camera")
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _world = world;
        _time = timeProvider;
        Name = name;
        _world.BlockMoved += OnBlockMoved;
    }

    public string Name { get; }

    public event EventHandler<SensorReading>? ReadingChanged;

    public IReadOnlyList<SensorReading> ReadAll() => [Look()];

    public void Dispose() => _world.BlockMoved -= OnBlockMoved;

    private void OnBlockMoved(Block block, string support) => ReadingChanged?.Invoke(this, Look());

    private SceneReading Look()
    {
        // The world's facts about the gripper (holding, hand-empty) are not the camera's to report.
        var facts = _world.Facts().Where(fact => !fact.StartsWith("(holding ", StringComparison.Ordinal) && fact != "(hand-empty)").ToArray();
        var blocks = _world.Blocks.Select(block => block.Name).Order(StringComparer.Ordinal).ToArray();
        return new SceneReading(Name, _time.GetUtcNow(), blocks, facts);
    }
}
