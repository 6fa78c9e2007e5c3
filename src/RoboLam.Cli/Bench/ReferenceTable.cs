using System.Globalization;

namespace RoboLam.Cli.Bench;

/// <summary>
/// Another planner's figures from a Markdown table such as the shared REFERENCE.md: rows
/// <c>| domain | problem | wall / cost / expanded | ...</c>, of which the first figures column is used.
/// </summary>
public sealed class ReferenceTable
{
    private readonly Dictionary<(string Domain, string Problem), (double WallSeconds, int Cost)> _rows = [];

    public static ReferenceTable Read(string path)
    {
        var table = new ReferenceTable();
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5 || !cells[3].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var figures = cells[3].Split('/', StringSplitOptions.TrimEntries);
            if (figures.Length == 3
                && double.TryParse(figures[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var wall)
                && int.TryParse(figures[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cost))
            {
                table._rows[(cells[1], cells[2])] = (wall, cost);
            }
        }

        return table;
    }

    public bool TryGet(BenchEntry entry, out double wallSeconds, out int cost)
    {
        var found = _rows.TryGetValue((entry.DomainName, entry.ProblemName), out var row);
        (wallSeconds, cost) = row;
        return found;
    }
}
