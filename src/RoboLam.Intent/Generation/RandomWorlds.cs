using System.Globalization;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Generation;

/// <summary>Small random worlds per domain, so that generated sentences talk about plausible scenes.</summary>
internal static class RandomWorlds
{
    private static readonly string[] s_binNames = ["binl", "binr", "tray", "box1", "box2", "basket", "crate"];

    private static readonly (string Name, string Label)[] s_stations =
        [("input", "input"), ("drill", "drilling"), ("paint", "painting"), ("inspect", "inspection"), ("output", "output")];

    public static World Make(string domain, Lexicon lexicon, Random random) => domain switch
    {
        "factory" => Factory(lexicon, random),
        _ => Tabletop(lexicon, random),
    };

    private static World Tabletop(Lexicon lexicon, Random random)
    {
        var colors = lexicon.ColorLists.Keys.ToArray();
        var objects = new List<WorldObject>();
        var facts = new List<Fact> { Fact.Of("hand-empty") };
        var blockCount = random.Next(2, 8);
        var stackTops = new List<(string Name, double X)>();
        for (var index = 0; index < blockCount; index++)
        {
            var name = "k" + index.ToString(CultureInfo.InvariantCulture);
            var onStack = stackTops.Count > 0 && random.NextDouble() < 0.4;
            var x = onStack ? stackTops[^1].X : 0.1 + (0.1 * stackTops.Count);
            objects.Add(new WorldObject(
                name,
                "block",
                Color: colors[random.Next(colors.Length)],
                Size: random.Next(2) == 0 ? "small" : "large",
                X: x,
                Y: 0.2));
            facts.Add(onStack ? Fact.Of("on", name, stackTops[^1].Name) : Fact.Of("on-table", name));
            if (onStack)
            {
                stackTops[^1] = (name, x);
            }
            else
            {
                stackTops.Add((name, x));
            }
        }

        facts.AddRange(stackTops.Select(top => Fact.Of("clear", top.Name)));
        var binCount = random.Next(1, 4);
        for (var index = 0; index < binCount; index++)
        {
            objects.Add(new WorldObject(
                s_binNames[(index + random.Next(s_binNames.Length)) % s_binNames.Length] + index.ToString(CultureInfo.InvariantCulture),
                "bin",
                Color: colors[random.Next(colors.Length)],
                Side: index % 2 == 0 ? "left" : "right",
                X: index % 2 == 0 ? 0.05 : 0.5,
                Y: 0.45));
        }

        return new World("tabletop", objects, facts);
    }

    private static World Factory(Lexicon lexicon, Random random)
    {
        var objects = new List<WorldObject>();
        var facts = new List<Fact>();
        var numbers = Enumerable.Range(1, 9).OrderBy(_ => random.Next()).Take(random.Next(2, 7)).Order();
        foreach (var number in numbers)
        {
            var name = "p" + number.ToString(CultureInfo.InvariantCulture);
            objects.Add(new WorldObject(name, "part", Number: number));
            facts.Add(Fact.Of("at", name, "input"));
        }

        objects.AddRange(s_stations.Select(station => new WorldObject(station.Name, "station", Label: station.Label)));
        var colors = lexicon.ColorLists.Keys.OrderBy(_ => random.Next()).Take(random.Next(2, 5));
        objects.AddRange(colors.Select(color => new WorldObject(color, "color")));
        return new World("factory", objects, facts);
    }
}
