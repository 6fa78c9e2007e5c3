using System.Globalization;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Grounding;

/// <summary>
/// Finds what a <see cref="Reference"/> means among the world's objects: filters by type, colour, size, side,
/// label, number and relations to other objects, applies extremes (leftmost, top of the stack) and ordinals by
/// position, then checks the count the phrase asks for (one, two, all).
/// </summary>
public sealed class ReferenceResolver
{
    private readonly World _world;

    public ReferenceResolver(World world)
    {
        _world = world;
    }

    public Resolution Resolve(Reference reference, ResolutionScope scope)
    {
        if (reference.Conjuncts.Count > 0)
        {
            return ResolveConjuncts(reference, scope);
        }

        if (reference.IsSurface && reference.Relation is null)
        {
            return scope.AllowSurface ? Resolution.Surface() : Resolution.NotFound($"'{reference.Text}' is not something I can move or act on");
        }

        if (reference.Quantity is Quantity.Pronoun or Quantity.PluralPronoun && !HasDescription(reference))
        {
            return ResolvePronoun(reference, scope);
        }

        if (!HasDescription(reference))
        {
            return Resolution.NotFound(reference.UnknownWords.Count > 0
                ? $"I don't know what '{reference.UnknownWords[^1]}' is"
                : $"'{reference.Text}' does not say which thing is meant");
        }

        var (pool, problem) = Filter(reference, scope);
        if (problem is not null)
        {
            return Resolution.NotFound(problem);
        }

        var result = Count(reference, pool);
        return result with { IgnoredWords = reference.UnknownWords };
    }

    private static bool HasDescription(Reference reference) =>
        reference.Type is not null || reference.IsAnaphoric || reference.Color is not null || reference.Size is not null
        || reference.Side is not null || reference.Extreme is not null || reference.Ordinal is not null || reference.Numbers.Count > 0
        || reference.Label is not null || reference.Name is not null || reference.IsStack || reference.Relation is not null
        || reference.Quantity is Quantity.Universal or Quantity.Dual;

    private static string Phrase(Reference reference)
    {
        var words = reference.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(word => word is "the" or "a" or "an" or "this" or "that" or "all" or "every" or "each" or "both" or "of" or "these" or "those");
        var phrase = string.Join(' ', words);
        return phrase.Length == 0 ? reference.Text : phrase;
    }

    private Resolution ResolveConjuncts(Reference reference, ResolutionScope scope)
    {
        var objects = new List<WorldObject>();
        var ignored = new List<string>();
        foreach (var conjunct in reference.Conjuncts)
        {
            var resolution = Resolve(conjunct, scope);
            if (resolution.Failed || resolution.IsAmbiguous)
            {
                return resolution;
            }

            if (resolution.IsSurface)
            {
                return Resolution.NotFound($"'{reference.Text}' mixes the table with objects");
            }

            objects.AddRange(resolution.Objects.Where(item => !objects.Contains(item)));
            ignored.AddRange(resolution.IgnoredWords);
        }

        return Resolution.Found(objects) with { IgnoredWords = ignored };
    }

    private static Resolution ResolvePronoun(Reference reference, ResolutionScope scope)
    {
        var referents = scope.AllowedTypes.Count == 0
            ? scope.Referents
            : scope.Referents.Where(item => scope.AllowedTypes.Contains(item.Type)).ToList();
        if (referents.Count == 0)
        {
            return Resolution.NotFound($"I don't know what '{reference.Text}' refers to; please name the object");
        }

        return reference.Quantity == Quantity.PluralPronoun || referents.Count == 1
            ? Resolution.Found(referents)
            : Resolution.Ambiguous(referents);
    }

    private Resolution Count(Reference reference, List<WorldObject> pool)
    {
        var phrase = Phrase(reference);
        switch (reference.Quantity)
        {
            case Quantity.Universal:
                return Resolution.Found(pool);
            case Quantity.Dual:
                return pool.Count == 2 ? Resolution.Found(pool)
                    : pool.Count > 2 ? Resolution.Ambiguous(pool)
                    : Resolution.NotFound($"there are not two {phrase} here");
            case Quantity.Indefinite:
                return Resolution.Found([pool.OrderBy(item => _world.ObjectOn(item.Name) is null ? 0 : 1).First()]);
            default:
                return pool.Count == 1 || reference.Numbers.Count > 1 ? Resolution.Found(pool) : Resolution.Ambiguous(pool);
        }
    }

    /// <summary>The objects that fit everything the phrase says, or why none does.</summary>
    private (List<WorldObject> Pool, string? Problem) Filter(Reference reference, ResolutionScope scope)
    {
        var phrase = Phrase(reference);
        var pool = TypedPool(reference, scope);
        if (reference.Name is not null && pool.FirstOrDefault(item => item.Name == reference.Name) is { } named)
        {
            return ([named], null);
        }

        var steps = new List<Func<List<WorldObject>, List<WorldObject>>>
        {
            items => reference.Color is null ? items : items.Where(item => item.Color == reference.Color || (item.Type == "color" && item.Name == reference.Color)).ToList(),
            items => reference.Size is null ? items : items.Where(item => item.Size == reference.Size).ToList(),
            items => reference.Label is null ? items : items.Where(item => item.Label == reference.Label || item.Name == reference.Label).ToList(),
            items => reference.Relation is null ? items : Related(items, reference, scope),
            items => reference.IsStack && reference.Type is null && reference.Extreme is null ? items.Where(InStack).ToList() : items,
            items => reference.Side is null ? items : BySide(items, reference.Side),
            items => reference.Extreme is null ? items : ByExtreme(items, reference.Extreme),
            items => reference.Ordinal is null ? items : ByOrdinal(items, reference.Ordinal.Value, reference.OrdinalFromRight),
        };
        if (pool.Count == 0)
        {
            return (pool, $"there is no {phrase} here");
        }

        if (reference.Numbers.Count > 0)
        {
            var missing = reference.Numbers.Where(number => pool.All(item => item.Number != number)).ToList();
            if (missing.Count > 0)
            {
                var known = string.Join(", ", pool.Where(item => item.Number is not null).Select(item => item.Number!.Value.ToString(CultureInfo.InvariantCulture)));
                var type = reference.Type ?? pool[0].Type;
                return ([], $"there is no {type} {string.Join(" or ", missing)} here ({type}s here: {known})");
            }

            pool = pool.Where(item => item.Number is { } number && reference.Numbers.Contains(number)).ToList();
        }

        foreach (var step in steps)
        {
            pool = step(pool);
            if (pool.Count == 0)
            {
                return (pool, $"there is no {phrase} here");
            }
        }

        return (pool, null);
    }

    private List<WorldObject> TypedPool(Reference reference, ResolutionScope scope)
    {
        var type = reference.Type ?? (reference.IsAnaphoric ? scope.AntecedentType : null);
        if (type is not null)
        {
            return _world.Objects.Where(item => item.Type == type).ToList();
        }

        var allowed = _world.Objects.Where(item => scope.AllowedTypes.Count == 0 || scope.AllowedTypes.Contains(item.Type)).ToList();
        var preferred = allowed.Where(item => scope.PreferredTypes.Contains(item.Type)).ToList();
        return preferred.Count > 0 ? preferred : allowed;
    }

    private List<WorldObject> Related(List<WorldObject> items, Reference reference, ResolutionScope scope)
    {
        var target = reference.RelationTarget!;
        if (target.IsSurface)
        {
            return reference.Relation == RelationKind.On ? items.Where(item => _world.Holds(Fact.Of("on-table", item.Name))).ToList() : [];
        }

        var targetScope = scope with
        {
            AllowedTypes = new HashSet<string>(),
            PreferredTypes = new HashSet<string>(),
            AntecedentType = reference.Type ?? scope.AntecedentType,
        };
        var (targets, _) = Filter(target, targetScope);
        var names = targets.Select(item => item.Name).ToHashSet(StringComparer.Ordinal);
        return reference.Relation switch
        {
            RelationKind.On => items.Where(item => _world.ObjectUnder(item.Name) is { } under && names.Contains(under.Name)).ToList(),
            RelationKind.Under => items.Where(item => _world.ObjectOn(item.Name) is { } over && names.Contains(over.Name)).ToList(),
            _ => items.Where(item => names.Any(name => _world.Holds(Fact.Of("in", item.Name, name)) || _world.Holds(Fact.Of("at", item.Name, name)))).ToList(),
        };
    }

    private bool InStack(WorldObject item) => _world.ObjectUnder(item.Name) is not null || _world.ObjectOn(item.Name) is not null;

    private static List<WorldObject> BySide(List<WorldObject> items, string side)
    {
        if (items.Any(item => item.Side is not null))
        {
            return items.Where(item => item.Side == side).ToList();
        }

        return ByExtremeX(items, side == "left" ? "leftmost" : "rightmost");
    }

    private List<WorldObject> ByExtreme(List<WorldObject> items, string extreme)
    {
        switch (extreme)
        {
            case "top":
                var tops = items.Where(item => _world.ObjectOn(item.Name) is null && _world.ObjectUnder(item.Name) is not null).ToList();
                return tops.Count > 0 ? tops : items.Where(item => _world.ObjectOn(item.Name) is null && _world.ContainerOf(item.Name) is null).ToList();
            case "bottom":
                return items.Where(item => _world.ObjectOn(item.Name) is not null && _world.ObjectUnder(item.Name) is null).ToList();
            default:
                return ByExtremeX(items, extreme);
        }
    }

    private static List<WorldObject> ByExtremeX(List<WorldObject> items, string extreme)
    {
        var placed = items.Where(item => item.X is not null).ToList();
        if (placed.Count == 0)
        {
            return items;
        }

        var edge = extreme == "leftmost" ? placed.Min(item => item.X!.Value) : placed.Max(item => item.X!.Value);
        return placed.Where(item => Math.Abs(item.X!.Value - edge) < 1e-6).ToList();
    }

    private static List<WorldObject> ByOrdinal(List<WorldObject> items, int ordinal, bool fromRight)
    {
        if (items.All(item => item.X is null) && items.All(item => item.Number is not null))
        {
            var numbered = items.OrderBy(item => item.Number).ToList();
            var position = ordinal < 0 ? numbered.Count - 1 : ordinal - 1;
            return position >= 0 && position < numbered.Count ? [numbered[position]] : [];
        }

        var columns = items.Where(item => item.X is not null).Select(item => item.X!.Value).Distinct().Order().ToList();
        if (fromRight)
        {
            columns.Reverse();
        }

        var index = ordinal < 0 ? columns.Count - 1 : ordinal - 1;
        return index >= 0 && index < columns.Count ? items.Where(item => item.X is { } x && Math.Abs(x - columns[index]) < 1e-6).ToList() : [];
    }
}
