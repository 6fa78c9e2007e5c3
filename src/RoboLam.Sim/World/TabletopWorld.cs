using System.Globalization;
using System.Text.Json;
using RoboLam.Hardware.Kinematics;
using RoboLam.Hardware.Motion;
using UnitsNet;

namespace RoboLam.Sim.World;

/// <summary>
/// The tabletop: blocks with colour and size, stacks, bins. It knows nothing of the arm; the
/// <see cref="GripperPhysics"/> moves blocks in and out of the gripper. Answers positions for motion
/// planning (<see cref="IObjectPositions"/>) and the facts that hold (<c>(on a b)</c>, <c>(in a bin)</c>, ...).
/// </summary>
public sealed class TabletopWorld : IObjectPositions
{
    public const double SmallSide = 0.03;
    public const double LargeSide = 0.045;
    public const double BinSide = 0.12;
    public const double BinRim = 0.06;

    private readonly object _gate = new();
    private readonly Dictionary<string, Block> _blocks = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Bin> _bins = new(StringComparer.OrdinalIgnoreCase);
    private Func<Point3>? _fingertips;
    private Vector _heldOffset;

    public IReadOnlyCollection<Block> Blocks
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Values.ToArray();
            }
        }
    }

    public IReadOnlyCollection<Bin> Bins => _bins.Values;

    /// <summary>The block in the gripper, if any.</summary>
    public Block? Held
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Values.FirstOrDefault(block => block.Support == Block.Gripper);
            }
        }
    }

    /// <summary>Raised after a block is grasped, released or slips: the block and its new support.</summary>
    public event Action<Block, string>? BlockMoved;

    /// <summary>Loads a world file (objects with x/y in metres and init facts, as in shared/nl/worlds).</summary>
    public static TabletopWorld Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        var world = new TabletopWorld();
        foreach (var item in document.RootElement.GetProperty("objects").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var colour = item.TryGetProperty("color", out var c) ? c.GetString() ?? string.Empty : string.Empty;
            var x = item.GetProperty("x").GetDouble();
            var y = item.GetProperty("y").GetDouble();
            switch (item.GetProperty("type").GetString())
            {
                case "block":
                    var size = item.TryGetProperty("size", out var s) ? s.GetString() ?? "small" : "small";
                    world.AddBlock(name, colour, size, x, y);
                    break;
                case "bin":
                    world.AddBin(name, colour, x, y);
                    break;
                default:
                    break;
            }
        }

        var on = new List<(string Upper, string Lower)>();
        var inside = new List<(string Item, string Bin)>();
        if (document.RootElement.TryGetProperty("init", out var init))
        {
            foreach (var fact in init.EnumerateArray().Select(element => element.GetString() ?? string.Empty))
            {
                var words = fact.Trim('(', ')', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 3 && words[0] == "on")
                {
                    on.Add((words[1], words[2]));
                }
                else if (words.Length == 3 && words[0] == "in")
                {
                    inside.Add((words[1], words[2]));
                }
            }
        }

        world.Arrange(on, inside);
        return world;
    }

    public Block AddBlock(string name, string colour, string size, double x, double y)
    {
        var side = string.Equals(size, "large", StringComparison.OrdinalIgnoreCase) ? LargeSide : SmallSide;
        var block = new Block(name, colour, size, side) { Bottom = Point3.FromMeters(x, y, 0) };
        lock (_gate)
        {
            _blocks[name] = block;
        }

        return block;
    }

    public Bin AddBin(string name, string colour, double x, double y)
    {
        var bin = new Bin(name, colour, Point3.FromMeters(x, y, 0), BinSide, BinRim);
        _bins[name] = bin;
        return bin;
    }

    public Block GetBlock(string name)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(name, out var block) ? Follow(block) : throw new ArgumentException($"There is no block \"{name}\".", nameof(name));
        }
    }

    public bool TryLocate(string name, out ObjectLocation location)
    {
        lock (_gate)
        {
            if (_blocks.TryGetValue(name, out var block))
            {
                Follow(block);
                location = new ObjectLocation(block.Top, Length.FromMeters(block.SideMeters));
                return true;
            }
        }

        if (_bins.TryGetValue(name, out var bin))
        {
            location = new ObjectLocation(bin.Centre.WithZ(Length.FromMeters(bin.RimMeters)), Length.FromMeters(bin.RimMeters));
            return true;
        }

        location = null!;
        return false;
    }

    public bool IsOccupied(Length x, Length y, Length radius)
    {
        lock (_gate)
        {
            return _blocks.Values.Where(block => block.Support != Block.Gripper)
                .Any(block => Distance(block.Bottom.XMeters, block.Bottom.YMeters, x.Meters, y.Meters) < radius.Meters)
                || _bins.Values.Any(bin => bin.Contains(x.Meters, y.Meters));
        }
    }

    /// <summary>True when nothing rests on the block (and it is not in the gripper's way).</summary>
    public bool IsClear(string name)
    {
        lock (_gate)
        {
            return !_blocks.Values.Any(block => string.Equals(block.Support, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The facts that hold now, in PDDL's words, sorted.</summary>
    public IReadOnlyList<string> Facts()
    {
        var facts = new List<string>();
        lock (_gate)
        {
            foreach (var block in _blocks.Values)
            {
                if (block.Support == Block.Table)
                {
                    facts.Add($"(on-table {block.Name})");
                }
                else if (block.Support == Block.Gripper)
                {
                    facts.Add($"(holding {block.Name})");
                }
                else if (_bins.ContainsKey(block.Support))
                {
                    facts.Add($"(in {block.Name} {block.Support})");
                }
                else
                {
                    facts.Add($"(on {block.Name} {block.Support})");
                }

                if (block.Support != Block.Gripper && !_blocks.Values.Any(other => string.Equals(other.Support, block.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    facts.Add($"(clear {block.Name})");
                }
            }

            if (!_blocks.Values.Any(block => block.Support == Block.Gripper))
            {
                facts.Add("(hand-empty)");
            }
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    /// <summary>Puts <paramref name="block"/> in the gripper, keeping its offset from the fingertips.</summary>
    internal void Grasp(Block block, Func<Point3> fingertips)
    {
        lock (_gate)
        {
            var tip = fingertips();
            _heldOffset = new Vector(block.Bottom.XMeters - tip.XMeters, block.Bottom.YMeters - tip.YMeters, block.Bottom.ZMeters - tip.ZMeters);
            _fingertips = fingertips;
            block.Support = Block.Gripper;
        }

        BlockMoved?.Invoke(block, Block.Gripper);
    }

    /// <summary>Lets go of the held block where it is now: it lands on whatever is below it.</summary>
    internal Block? Release()
    {
        Block? block;
        string support;
        lock (_gate)
        {
            block = _blocks.Values.FirstOrDefault(item => item.Support == Block.Gripper);
            if (block is null)
            {
                return null;
            }

            Follow(block);
            _fingertips = null;
            support = Land(block);
        }

        BlockMoved?.Invoke(block, support);
        return block;
    }

    /// <summary>Finds blocks the fingers would close around at <paramref name="tip"/>.</summary>
    internal Block? BlockBetweenFingers(Point3 tip, double maxOpeningMeters)
    {
        const double Tolerance = 0.012;
        lock (_gate)
        {
            return _blocks.Values
                .Where(block => block.Support != Block.Gripper && block.SideMeters <= maxOpeningMeters)
                .Where(block => Distance(block.Bottom.XMeters, block.Bottom.YMeters, tip.XMeters, tip.YMeters) <= Tolerance)
                .Where(block => tip.ZMeters > block.Bottom.ZMeters + 0.002 && tip.ZMeters < block.Top.ZMeters - 0.002)
                .FirstOrDefault(block => !_blocks.Values.Any(other => string.Equals(other.Support, block.Name, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>The held block follows the fingertips; its position is computed when asked.</summary>
    private Block Follow(Block block)
    {
        if (block.Support == Block.Gripper && _fingertips is not null)
        {
            var tip = _fingertips();
            block.Bottom = Point3.FromMeters(tip.XMeters + _heldOffset.X, tip.YMeters + _heldOffset.Y, tip.ZMeters + _heldOffset.Z);
        }

        return block;
    }

    /// <summary>Drops a block straight down onto the highest thing under its centre: a block, a bin's floor, or the table.</summary>
    private string Land(Block block)
    {
        var x = block.Bottom.XMeters;
        var y = block.Bottom.YMeters;
        var bin = _bins.Values.FirstOrDefault(candidate => candidate.Contains(x, y));
        if (bin is not null)
        {
            block.Bottom = Point3.FromMeters(x, y, 0);
            block.Support = bin.Name;
            return bin.Name;
        }

        var below = _blocks.Values
            .Where(other => other != block && other.Support != Block.Gripper)
            .Where(other => Math.Abs(other.Bottom.XMeters - x) < other.SideMeters / 2 && Math.Abs(other.Bottom.YMeters - y) < other.SideMeters / 2)
            .Where(other => other.Top.ZMeters <= block.Bottom.ZMeters + 0.005)
            .OrderByDescending(other => other.Top.ZMeters)
            .FirstOrDefault();
        if (below is not null)
        {
            block.Bottom = Point3.FromMeters(x, y, below.Top.ZMeters);
            block.Support = below.Name;
            return below.Name;
        }

        block.Bottom = Point3.FromMeters(x, y, 0);
        block.Support = Block.Table;
        return Block.Table;
    }

    private void Arrange(List<(string Upper, string Lower)> on, List<(string Item, string Bin)> inside)
    {
        foreach (var (item, binName) in inside)
        {
            if (_blocks.TryGetValue(item, out var block) && _bins.TryGetValue(binName, out var bin))
            {
                block.Bottom = bin.Centre;
                block.Support = bin.Name;
            }
        }

        // Place stacks bottom-up: a block goes on its support once the support's height is known.
        var pending = on.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(pair => !pending.Any(other => string.Equals(other.Upper, pair.Lower, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (ready.Length == 0)
            {
                throw new InvalidDataException("The world's (on ...) facts form a cycle: " + string.Join(", ", pending.Select(pair => $"(on {pair.Upper} {pair.Lower})")));
            }

            foreach (var (upper, lower) in ready)
            {
                if (!_blocks.TryGetValue(upper, out var top) || !_blocks.TryGetValue(lower, out var bottom))
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The world says (on {upper} {lower}) but one of them is not a block."));
                }

                top.Bottom = Point3.FromMeters(bottom.Bottom.XMeters, bottom.Bottom.YMeters, bottom.Top.ZMeters);
                top.Support = bottom.Name;
                pending.Remove((upper, lower));
            }
        }
    }

    private static double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));

    private readonly record struct Vector(double X, double Y, double Z);
}
