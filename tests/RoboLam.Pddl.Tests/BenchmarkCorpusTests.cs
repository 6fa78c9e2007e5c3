using RoboLam.Pddl.Diagnostics;
using Xunit.Abstractions;

namespace RoboLam.Pddl.Tests;

public sealed class BenchmarkCorpusTests
{
    private readonly ITestOutputHelper _output;

    public BenchmarkCorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_benchmark_file_parses_without_diagnostics()
    {
        var files = BenchmarkCorpus.AllFiles;
        var failures = new List<string>();
        var domains = 0;
        foreach (var path in files)
        {
            IReadOnlyList<Diagnostic> diagnostics;
            if (BenchmarkCorpus.IsDomain(path))
            {
                domains++;
                diagnostics = PddlParser.LoadDomain(path).Diagnostics;
            }
            else
            {
                diagnostics = PddlParser.LoadProblem(path).Diagnostics;
            }

            failures.AddRange(diagnostics.Select(diagnostic => diagnostic.ToString()));
        }

        _output.WriteLine($"parsed {files.Count} files ({domains} domains, {files.Count - domains} problems) under {BenchmarkCorpus.Root}");
        Assert.True(files.Count > 1000, $"expected the whole IPC set, found only {files.Count} files under {BenchmarkCorpus.Root}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(50)));
    }
}
