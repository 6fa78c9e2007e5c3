using BenchmarkDotNet.Attributes;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;
using RoboLam.Translation;

namespace RoboLam.Benchmarks;

/// <summary>
/// The whole translation (normalize, ground, simplify, encode) of parsed benchmark problems, from the small ADL
/// case to the largest groundings of the shared set. Parsing is done once in the setup and not measured.
/// </summary>
[MemoryDiagnoser]
public class TranslationBenchmarks
{
    private Domain _domain = null!;
    private Problem _problem = null!;

    /// <summary>Problem paths relative to the IPC folder; each uses the domain.pddl beside it.</summary>
    [Params(
        "freecell/p03.pddl",
        "freecell/p10.pddl",
        "zenotravel/p14.pddl",
        "grid/prob02.pddl",
        "miconic-fulladl/f6-0.pddl")]
    public string Problem { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(BenchmarkFolder.Root, Problem);
        _domain = PddlParser.LoadDomain(Path.Combine(Path.GetDirectoryName(path)!, "domain.pddl")).Value
            ?? throw new InvalidOperationException($"the domain beside {path} does not parse");
        _problem = PddlParser.LoadProblem(path).Value
            ?? throw new InvalidOperationException($"{path} does not parse");
    }

    [Benchmark]
    public int Translate() => Translator.Translate(_domain, _problem).Task.Operators.Count;
}
