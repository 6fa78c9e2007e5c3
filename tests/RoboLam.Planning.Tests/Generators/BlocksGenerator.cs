using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests.Generators;

/// <summary>Blocksworld with four operators (pick-up, put-down, stack, unstack) between random towers.</summary>
internal static class BlocksGenerator
{
    public static GroundTask Create(int blocks, int seed)
    {
        var random = new Random(seed);
        var builder = new TaskBuilder();
        var names = Enumerable.Range(1, blocks).Select(index => $"b{index}").ToArray();
        foreach (var fact in TowerFacts(RandomTowers(names, random)))
        {
            builder.Initially(fact);
        }

        builder.Initially("(handempty)");
        foreach (var fact in TowerFacts(RandomTowers(names, random)).Where(fact => !fact.StartsWith("(clear", StringComparison.Ordinal)))
        {
            builder.Goal(fact);
        }

        foreach (var block in names)
        {
            builder.Operator($"(pick-up {block})", [$"(clear {block})", $"(ontable {block})", "(handempty)"], [$"(holding {block})"], [$"(clear {block})", $"(ontable {block})", "(handempty)"]);
            builder.Operator($"(put-down {block})", [$"(holding {block})"], [$"(clear {block})", $"(ontable {block})", "(handempty)"], [$"(holding {block})"]);
            foreach (var other in names.Where(other => other != block))
            {
                builder.Operator($"(stack {block} {other})", [$"(holding {block})", $"(clear {other})"], [$"(on {block} {other})", $"(clear {block})", "(handempty)"], [$"(holding {block})", $"(clear {other})"]);
                builder.Operator($"(unstack {block} {other})", [$"(on {block} {other})", $"(clear {block})", "(handempty)"], [$"(holding {block})", $"(clear {other})"], [$"(on {block} {other})", $"(clear {block})", "(handempty)"]);
            }
        }

        return builder.Build();
    }

    private static List<List<string>> RandomTowers(string[] names, Random random)
    {
        var towers = new List<List<string>>();
        foreach (var block in names.OrderBy(_ => random.Next()))
        {
            if (towers.Count == 0 || random.Next(3) == 0)
            {
                towers.Add([block]);
            }
            else
            {
                towers[random.Next(towers.Count)].Add(block);
            }
        }

        return towers;
    }

    private static IEnumerable<string> TowerFacts(List<List<string>> towers)
    {
        foreach (var tower in towers)
        {
            yield return $"(ontable {tower[0]})";
            for (var level = 1; level < tower.Count; level++)
            {
                yield return $"(on {tower[level]} {tower[level - 1]})";
            }

            yield return $"(clear {tower[^1]})";
        }
    }
}
