using BenchmarkDotNet.Attributes;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;

namespace RoboLam.Benchmarks;

/// <summary>
/// Parse + check of the largest files of the shared IPC set (the visitall problems, ~0.3-0.45 MB each), on one
/// thread. Throughput is the file size divided by the mean time; BenchmarkDotNet reports both.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[Config(typeof(ThroughputConfig))]
public class PddlParseBenchmarks
{
    private Domain _domain = null!;
    private string _text = string.Empty;

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    /// <summary>The three largest problems, by file name (short, for the report's column).</summary>
    public static IEnumerable<string> Files() => Largest().Select(Path.GetFileName)!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Largest().Single(candidate => Path.GetFileName(candidate) == File);
        _text = System.IO.File.ReadAllText(path);
        _domain = PddlParser.LoadDomain(Path.Combine(Path.GetDirectoryName(path)!, "domain.pddl")).Value
            ?? throw new InvalidOperationException($"the domain beside {path} does not parse");
        Console.WriteLine($"// {File}: {_text.Length} characters");
    }

    /// <summary>The size in characters of one of the <see cref="Files"/>.</summary>
    public static long SizeOf(string fileName) => System.IO.File.ReadAllText(Largest().Single(path => Path.GetFileName(path) == fileName)).Length;

    private static IEnumerable<string> Largest() =>
        Directory.EnumerateFiles(BenchmarkFolder.Root, "*.pddl", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Contains("domain", StringComparison.Ordinal))
            .OrderByDescending(path => new FileInfo(path).Length)
            .Take(3);

    [Benchmark]
    public Problem? Parse() => PddlParser.ParseProblem(_text, File).Value;

    [Benchmark]
    public int ParseAndCheck()
    {
        var problem = PddlParser.ParseProblem(_text, File).Value!;
        return PddlChecker.Check(_domain, problem).Count;
    }
}
