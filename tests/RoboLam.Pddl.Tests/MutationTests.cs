using System.Text;
using System.Text.RegularExpressions;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Xunit.Abstractions;

namespace RoboLam.Pddl.Tests;

/// <summary>
/// Seeded random damage to real benchmark files (token deletions, insertions and swaps) must only ever produce
/// diagnostics: no exception from the parser, the checker or the writer, and well-formed diagnostics.
/// </summary>
public sealed partial class MutationTests
{
    /// <summary>Fixed so that a failure reproduces; ROBOLAM_MUTATION_SEED explores others.</summary>
    private static readonly int s_seed = int.TryParse(Environment.GetEnvironmentVariable("ROBOLAM_MUTATION_SEED"), out var seed) ? seed : 20240611;
    private const int Mutants = 3000;

    /// <summary>Tokens worth inserting: structure, reserved words, odd characters, numbers in several spellings.</summary>
    private static readonly string[] s_insertions =
    [
        "(", ")", "(", ")", "and", "or", "not", "-", "?x", "?duration", ":effect", ":precondition", ":parameters", "=", "<=",
        "5", "-3.5", ".5", "at", "start", "end", "over", "all", "#t", "forall", "exists", "when", "either", "&", "?", ":",
        "(:action", "increase", "assign", "preference", "is-violated", "within", "hold-during", "define", ":types", "object",
        "number", "(:init", ":goal", "(at", "1e5", "\"", "(either", ":requirements", ":typing",
    ];

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Thousands_of_damaged_benchmark_files_give_diagnostics_and_never_an_exception()
    {
        var random = new Random(s_seed);
        var sources = Sources();
        var domains = new Dictionary<string, Domain?>(StringComparer.Ordinal);
        var withErrors = 0;
        var started = 0;

        // A watchdog, not a speed test: it turns a parser that loops forever into a failure naming the mutant.
        var work = Task.Run(() =>
        {
            for (var i = 0; i < Mutants; i++)
            {
                Volatile.Write(ref started, i);
                var (path, tokens) = sources[random.Next(sources.Count)];
                var mutant = Mutate(tokens, random);
                var name = $"mutant-{i}-of-{Path.GetFileName(path)}";
                try
                {
                    withErrors += Exercise(path, mutant, name, domains) ? 1 : 0;
                }
                catch (Exception exception)
                {
                    throw new InvalidOperationException($"{name} (seed {s_seed}) threw:{Environment.NewLine}{mutant}", exception);
                }
            }
        });

        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(5)));
        Assert.True(finished == work, $"mutant {Volatile.Read(ref started)} (seed {s_seed}) did not finish");
        await work;
        _output.WriteLine($"{Mutants} mutants of {sources.Count} files, {withErrors} with errors");
        Assert.True(withErrors > Mutants / 2, $"only {withErrors} of {Mutants} mutants had errors; the mutations are too gentle");
    }

    /// <summary>Parses, then checks and writes whatever tree came back; returns whether errors were reported.</summary>
    private static bool Exercise(string path, string text, string name, Dictionary<string, Domain?> domains)
    {
        if (BenchmarkCorpus.IsDomain(path))
        {
            var domain = PddlParser.ParseDomain(text, name);
            AssertWellFormed(domain);
            if (domain.Value is { } tree)
            {
                AssertWellFormed(PddlChecker.Check(tree));
                PddlWriter.Write(tree);
            }

            return domain.HasErrors;
        }

        var problem = PddlParser.ParseProblem(text, name);
        AssertWellFormed(problem);
        if (problem.Value is { } problemTree)
        {
            var domainPath = BenchmarkCorpus.DomainOf(path);
            if (!domains.TryGetValue(domainPath, out var original))
            {
                original = PddlParser.LoadDomain(domainPath).Value;
                domains[domainPath] = original;
            }

            AssertWellFormed(PddlChecker.Check(original!, problemTree));
            PddlWriter.Write(problemTree);
        }

        return problem.HasErrors;
    }

    private static void AssertWellFormed<T>(PddlResult<T> result)
    {
        Assert.True(result.Value is not null || result.HasErrors, "no tree came back, yet no error explains why");
        AssertWellFormed(result.Diagnostics);
    }

    private static void AssertWellFormed(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Assert.Matches(CodePattern(), diagnostic.Code);
            Assert.True(diagnostic.Span.Line >= 1 && diagnostic.Span.Column >= 1, $"bad position in {diagnostic}");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"empty message in {diagnostic}");
        }
    }

    /// <summary>One to three deletions, insertions or swaps of tokens.</summary>
    private static string Mutate(List<string> tokens, Random random)
    {
        var mutant = new List<string>(tokens);
        var count = random.Next(1, 4);
        for (var i = 0; i < count && mutant.Count > 1; i++)
        {
            var at = random.Next(mutant.Count);
            switch (random.Next(3))
            {
                case 0:
                    mutant.RemoveAt(at);
                    break;
                case 1:
                    mutant.Insert(at, s_insertions[random.Next(s_insertions.Length)]);
                    break;
                default:
                    var other = random.Next(mutant.Count);
                    (mutant[at], mutant[other]) = (mutant[other], mutant[at]);
                    break;
            }
        }

        var text = new StringBuilder();
        foreach (var token in mutant)
        {
            text.Append(token).Append(token == ")" ? '\n' : ' ');
        }

        return text.ToString();
    }

    /// <summary>Every domain and the smaller problems (the mutation count, not file size, should set the run time).</summary>
    private static List<(string Path, List<string> Tokens)> Sources() =>
        BenchmarkCorpus.AllFiles
            .Where(path => BenchmarkCorpus.IsDomain(path) || new FileInfo(path).Length < 4000)
            .Select(path => (path, Token().Matches(File.ReadAllText(path)).Select(match => match.Value).Where(token => !token.StartsWith(';')).ToList()))
            .ToList();

    [GeneratedRegex(@";[^\n]*|\(|\)|[^\s()]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"^PDDL\d{3}$")]
    private static partial Regex CodePattern();
}
