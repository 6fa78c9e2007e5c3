using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Xunit.Abstractions;

namespace RoboLam.Pddl.Tests;

/// <summary>The whole shared IPC set: every file parses, checks clean of errors and round-trips through the writer.</summary>
public sealed class BenchmarkCorpusTests
{
    private readonly ITestOutputHelper _output;

    public BenchmarkCorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_benchmark_file_parses_checks_clean_and_round_trips()
    {
        var files = BenchmarkCorpus.AllFiles;
        var failures = new List<string>();
        var domains = new Dictionary<string, Domain>(StringComparer.Ordinal);
        var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
        var domainCount = 0;

        foreach (var path in files.Where(BenchmarkCorpus.IsDomain))
        {
            domainCount++;
            var parsed = PddlParser.LoadDomain(path);
            failures.AddRange(parsed.Diagnostics.Select(diagnostic => diagnostic.ToString()));
            if (parsed.Value is not { } domain)
            {
                continue;
            }

            domains[path] = domain;
            Record(PddlChecker.Check(domain), failures, warnings);
            RoundTrip(domain, PddlWriter.Write, PddlParser.ParseDomain, path, failures);
        }

        foreach (var path in files.Where(path => !BenchmarkCorpus.IsDomain(path)))
        {
            var parsed = PddlParser.LoadProblem(path);
            failures.AddRange(parsed.Diagnostics.Select(diagnostic => diagnostic.ToString()));
            if (parsed.Value is not { } problem)
            {
                continue;
            }

            if (!domains.TryGetValue(BenchmarkCorpus.DomainOf(path), out var domain))
            {
                failures.Add($"{path}: no domain.pddl beside it");
                continue;
            }

            Record(PddlChecker.Check(domain, problem), failures, warnings);
            RoundTrip(problem, PddlWriter.Write, PddlParser.ParseProblem, path, failures);
        }

        _output.WriteLine($"covered {files.Count} files ({domainCount} domains, {files.Count - domainCount} problems) under {BenchmarkCorpus.Root}");
        foreach (var (code, count) in warnings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {count} warnings {code}");
        }

        Assert.True(files.Count > 1000, $"expected the whole IPC set, found only {files.Count} files under {BenchmarkCorpus.Root}");
        Assert.True(failures.Count == 0, $"{failures.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(60))}");
    }

    /// <summary>Writes the tree, parses the text again and expects the same tree (spans aside) and no diagnostics.</summary>
    private static void RoundTrip<T>(T original, Func<T, string> write, Func<string, string, PddlResult<T>> parse, string path,
        List<string> failures)
        where T : class
    {
        var text = write(original);
        var reread = parse(text, path + " (written)");
        failures.AddRange(reread.Diagnostics.Select(diagnostic => diagnostic.ToString()));
        if (!original.Equals(reread.Value))
        {
            failures.Add($"{path}: writing and parsing again gave a different tree");
        }
    }

    private static void Record(IReadOnlyList<Diagnostic> diagnostics, List<string> failures, Dictionary<string, int> warnings)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == Severity.Error)
            {
                failures.Add(diagnostic.ToString());
            }
            else
            {
                warnings[diagnostic.Code] = warnings.GetValueOrDefault(diagnostic.Code) + 1;
            }
        }
    }
}
