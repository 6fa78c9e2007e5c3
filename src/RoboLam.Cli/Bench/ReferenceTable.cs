using System.Globalization;

namespace RoboLam.Cli.Bench;

/// <summary>
/// Another planner's figures from a Markdown table such as the shared REFERENCE.md: rows
/// <c>| domain | problem | wall / cost / expanded | optimal figures | ...</c>, of which the first figures column is used.
/// A row whose second figures column is empty (no optimal run) is one of the larger problems.
/// </summary>
public sealed class ReferenceTable
{
    public sealed record Row(double WallSeconds, int Cost, bool IsLarger);

    private readonly Dictionary<(string Domain, string Problem), Row> _rows = [];

    public static ReferenceTable Read(string path)
    {
        var table = new ReferenceTable();
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6 || !cells[3].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var figures = cells[3].Split('/', StringSplitOptions.TrimEntries);
            if (figures.Length == 3
                && double.TryParse(figures[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var wall)
                && int.TryParse(figures[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cost))
            {
                table._rows[(cells[1], cells[2])] = new Row(wall, cost, IsLarger: cells[4].Length == 0);
            }
        }

        return table;
    }

    public Row? Find(BenchEntry entry) => _rows.GetValueOrDefault((entry.DomainName, entry.ProblemName));
}
