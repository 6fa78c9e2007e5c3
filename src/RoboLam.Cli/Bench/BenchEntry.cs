namespace RoboLam.Cli.Bench;

/// <summary>One line of a benchmark list: a domain file and a problem file, relative to the list's folder.</summary>
public sealed record BenchEntry(string DomainPath, string ProblemPath)
{
    /// <summary>The benchmark's folder name (the IPC domain), as REFERENCE.md names it.</summary>
    public string DomainName => Path.GetFileName(Path.GetDirectoryName(ProblemPath)) ?? string.Empty;

    public string ProblemName => Path.GetFileName(ProblemPath);

    /// <summary>Reads a list file: <c>domain-file problem-file</c> a line; <c>#</c> starts a comment.</summary>
    public static IReadOnlyList<BenchEntry> ReadList(string listPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(listPath)) ?? ".";
        var entries = new List<BenchEntry>();
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(listPath))
        {
            lineNumber++;
            var line = rawLine.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"{listPath}({lineNumber},1): expected 'domain-file problem-file', found '{line}'");
            }

            entries.Add(new BenchEntry(Path.Combine(folder, parts[0]), Path.Combine(folder, parts[1])));
        }

        return entries;
    }
}
