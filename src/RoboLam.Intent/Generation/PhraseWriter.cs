using System.Globalization;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Generation;

/// <summary>Writes the ways people refer to things in a world: "the small red block", "part two", "both green ones".</summary>
internal sealed class PhraseWriter
{
    private static readonly string[] s_ordinalWords = ["first", "second", "third", "fourth"];

    private readonly Lexicon _lexicon;
    private readonly Random _random;
    private readonly World _world;

    public PhraseWriter(Lexicon lexicon, Random random, World world)
    {
        _lexicon = lexicon;
        _random = random;
        _world = world;
    }

    private bool IsFactory => _world.DomainName == "factory";

    public string Pick(IReadOnlyList<string> options) => options[_random.Next(options.Count)];

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>One movable thing: a block or a part.</summary>
    public string Entity()
    {
        var movable = _world.Objects.Where(item => item.Type is "block" or "part").ToList();
        var target = movable[_random.Next(movable.Count)];
        return IsFactory ? Part(target) : Block(target, allowModifiers: true);
    }

    /// <summary>Several things at once: quantifiers, plurals, coordinations.</summary>
    public string Set()
    {
        if (IsFactory)
        {
            var numbers = _world.Objects.Where(item => item.Number is not null).Select(item => NumberText(item.Number!.Value)).ToList();
            return _random.Next(9) switch
            {
                0 => "all parts",
                1 => "all the parts",
                2 => "every " + Pick(_lexicon.NounLists["part"]),
                3 => $"parts {Pick(numbers)} and {Pick(numbers)}",
                4 => $"parts {Pick(numbers)}, {Pick(numbers)} and {Pick(numbers)}",
                5 => Pick(["both parts", "each part", "the parts", "all of the parts"]),
                6 => $"part {Pick(numbers)} and part {Pick(numbers)}",
                7 => Pick(["them", "all of them", "both of them"]),
                _ => "all " + Plural(Pick(_lexicon.NounLists["part"])),
            };
        }

        var noun = Plural(BlockNoun());
        return _random.Next(12) switch
        {
            0 => $"all {ColorWord()} {noun}",
            1 => $"all the {ColorWord()} {noun}",
            2 => Pick(["all blocks", "all the blocks", "all of the blocks", "all " + noun]),
            3 => "every " + BlockNoun(),
            4 => Pick(["every " + ColorWord() + " block", "each " + BlockNoun(), "each " + ColorWord() + " " + BlockNoun()]),
            5 => "everything",
            6 => $"both {ColorWord()} {noun}",
            7 => $"the {ColorWord()} and the {ColorWord()} {noun}",
            8 => $"the {ColorWord()} and {ColorWord()} {noun}",
            9 => $"all the {SizeWord()} {noun}",
            10 => Pick(["them", "all of them", "both of them", "the " + noun, "both " + noun]),
            _ => $"all {SizeWord()} {ColorWord()} {noun}",
        };
    }

    public string Pronoun(bool plural = false) =>
        plural ? Pick(["them", "them", "them", "all of them", "both of them"]) : Pick(["it", "it", "it", "it", "that one", "this one", "that"]);

    /// <summary>A tower element as people list them: "blue", "the blue one", "green small".</summary>
    public string TowerElement()
    {
        var blocks = _world.Objects.Where(item => item.Type == "block").ToList();
        var block = blocks[_random.Next(blocks.Count)];
        var color = ColorOf(block);
        return _random.Next(8) switch
        {
            0 or 1 or 2 => color,
            3 => $"the {color} one",
            4 => $"{color} {SizeWordFor(block.Size)}",
            5 => $"{SizeWordFor(block.Size)} {color}",
            6 => $"the {color} {BlockNoun()}",
            _ => $"{color} {BlockNoun()}",
        };
    }

    public string Block(WorldObject block, bool allowModifiers)
    {
        var determiner = _random.Next(20) switch
        {
            < 16 => "the ",
            16 => "that ",
            17 => "this ",
            18 => "a ",
            _ => string.Empty,
        };
        var noun = Chance(0.25) ? "one" : BlockNoun();
        var color = ColorOf(block);
        var size = SizeWordFor(block.Size);
        var roll = _random.Next(20);
        if (allowModifiers && roll == 0)
        {
            return $"the {Pick(["leftmost", "rightmost", "top", "bottom", "left-most"])} {BlockNoun()}";
        }

        if (allowModifiers && roll == 1)
        {
            return $"the {Pick(s_ordinalWords)} {BlockNoun()} from the {Pick(["left", "right"])}";
        }

        if (allowModifiers && roll is 2 or 3)
        {
            return $"the {BlockNoun()} {Relation(block, bare: false)}";
        }

        if (allowModifiers && roll == 4)
        {
            return $"the {color} {BlockNoun()} {Pick(["on the left", "on the right", "on the far left", "on the far right", "on top of the stack", "on top"])}";
        }


        var body = _random.Next(10) switch
        {
            < 4 => $"{color} {noun}",
            < 7 => $"{size} {color} {noun}",
            7 => $"{size} {noun}",
            8 => $"{color} {size} {noun}",
            _ => $"{color} {BlockNoun()}",
        };
        return determiner + body;
    }

    public string Container()
    {
        var bins = _world.Objects.Where(item => item.Type == "bin").ToList();
        var bin = bins[_random.Next(bins.Count)];
        var noun = Pick(_lexicon.NounLists["bin"]);
        return _random.Next(8) switch
        {
            0 or 1 => $"the {ColorOf(bin)} {noun}",
            2 or 3 => $"the {bin.Side ?? "left"} {noun}",
            4 => $"the {noun} on the {bin.Side ?? "right"}",
            5 => $"the {noun}",
            6 => $"the {Pick(["left-hand", "right-hand"])} {noun}",
            _ => $"the {ColorOf(bin)} {noun} on the {bin.Side ?? "left"}",
        };
    }

    /// <summary>"the table" mostly: the other words for it are rarer in speech.</summary>
    public string Surface() => Chance(0.7) ? "the table" : "the " + Pick(_lexicon.SurfaceList.Where(surface => surface != "down").ToList());

    /// <summary>A block told apart by where it is: "the block on the red one", "the one on top of the stack".</summary>
    public string LocatedEntity()
    {
        var blocks = _world.Objects.Where(item => item.Type == "block").ToList();
        var block = blocks[_random.Next(blocks.Count)];
        return _random.Next(4) switch
        {
            0 => $"the {Pick(["block", "one", "cube"])} {Pick(["on top of the stack", "on top of the tower", "at the top of the stack", "at the bottom of the stack", "on top"])}",
            1 => $"the {ColorOf(block)} {BlockNoun()} {Pick(["on the left", "on the right", "on the far left", "on the far right"])}",
            _ => $"the {Pick(["block", "one", "cube", ColorOf(block) + " block"])} {Relation(block, bare: true)}",
        };
    }

    public string Station()
    {
        var label = Pick(_lexicon.LabelLists.Keys.ToList());
        var synonym = Pick(_lexicon.LabelLists[label]);
        var noun = Pick(_lexicon.NounLists["station"]);
        return _random.Next(8) switch
        {
            0 or 1 => $"the {label} station",
            2 => $"the {label}",
            3 => label,
            4 or 5 => $"the {synonym}",
            6 => $"the {synonym} {noun}",
            _ => $"the {label} {noun}",
        };
    }

    public string PaintColor()
    {
        var colors = _world.Objects.Where(item => item.Type == "color").Select(item => item.Name).ToList();
        return Chance(0.85) && colors.Count > 0 ? Pick(colors) : ColorWord();
    }

    public string UnknownThing()
    {
        var thing = Pick(_lexicon.UnknownThings);
        return thing is "me" or "you" ? thing : Pick(["the ", "the ", "that ", "a "]) + thing;
    }

    public string StackNoun() => Pick(["tower", "tower", "stack", "stack", "pile"]);

    private static string Plural(string noun) => noun.EndsWith('x') ? noun + "es" : noun + "s";

    private string Part(WorldObject part)
    {
        var number = part.Number ?? 1;
        var noun = Chance(0.7) ? "part" : Pick(_lexicon.NounLists["part"]);
        return _random.Next(14) switch
        {
            < 6 => $"{noun} {number.ToString(CultureInfo.InvariantCulture)}",
            < 9 => $"{noun} {NumberWord(number)}",
            9 => $"{noun} number {number.ToString(CultureInfo.InvariantCulture)}",
            10 => $"the {Ordinal(number)} {noun}",
            11 => $"{noun} #{number.ToString(CultureInfo.InvariantCulture)}",
            12 => $"the {noun}",
            _ => $"{Pick(["that", "this", "the"])} {noun} {number.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    /// <summary>
    /// "that is on the red one"; <paramref name="bare"/> also allows a plain "on the red one", which only reads as
    /// part of the phrase when a destination follows ("put the block on the red one in the bin").
    /// </summary>
    private string Relation(WorldObject block, bool bare)
    {
        var under = _world.ObjectUnder(block.Name);
        var over = _world.ObjectOn(block.Name);
        var other = under ?? over ?? block;
        var description = $"the {Pick([ColorOf(other), SizeWordFor(other.Size) + " " + ColorOf(other)])} {Pick(["one", "block", "cube"])}";
        return under is not null || over is null
            ? $"{Pick(bare ? ["on", "on top of", "that is on", "sitting on"] : ["that is on", "sitting on", "that is sitting on", "which is on", "resting on", "that sits on", "that's on"])} {description}"
            : $"{Pick(["under", "beneath", "below", "underneath", "that is under"])} {description}";
    }

    private string NumberText(int number) => Chance(0.6) ? number.ToString(CultureInfo.InvariantCulture) : NumberWord(number);

    private string NumberWord(int number) =>
        _lexicon.Numbers.Phrases.FirstOrDefault(phrase => _lexicon.Numbers.Lookup(phrase).Contains(number))
        ?? number.ToString(CultureInfo.InvariantCulture);

    private string Ordinal(int number) =>
        _lexicon.Ordinals.Phrases.FirstOrDefault(phrase => _lexicon.Ordinals.Lookup(phrase).Contains(number) && !char.IsDigit(phrase[0]))
        ?? "first";

    private string BlockNoun()
    {
        var nouns = _lexicon.NounLists["block"];
        return Chance(0.6) ? nouns[0] : Pick(nouns);
    }

    private string ColorWord() => Pick(_lexicon.ColorLists.Keys.ToList());

    private string ColorOf(WorldObject item)
    {
        var canonical = item.Color ?? ColorWord();
        return Chance(0.85) || !_lexicon.ColorLists.TryGetValue(canonical, out var synonyms) ? canonical : Pick(synonyms);
    }

    private string SizeWord() => Pick(["small", "large", "big", "little", "tiny"]);

    private string SizeWordFor(string? size) => size == "large"
        ? Pick(["large", "large", "big", "big", "larger", "huge", "bigger"])
        : Pick(["small", "small", "little", "tiny", "smaller"]);
}
