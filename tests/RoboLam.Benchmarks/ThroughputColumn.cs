using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RoboLam.Benchmarks;

/// <summary>Megabytes of PDDL per second: the benchmark's file size over its mean (or its fastest) iteration.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly bool _fromMinimum;

    public ThroughputColumn(bool fromMinimum)
    {
        _fromMinimum = fromMinimum;
    }

    public string Id => nameof(ThroughputColumn) + (_fromMinimum ? "Min" : "Mean");

    public string ColumnName => _fromMinimum ? "MB/s (min)" : "MB/s (mean)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _fromMinimum ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Megabytes (10^6 characters) of PDDL per second, from the {(_fromMinimum ? "fastest" : "mean")} iteration";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var file = benchmarkCase.Parameters["File"] as string;
        if (statistics is null || file is null)
        {
            return "-";
        }

        var nanoseconds = _fromMinimum ? statistics.Min : statistics.Mean;
        var megabytes = PddlParseBenchmarks.SizeOf(file) / 1e6;
        return (megabytes / (nanoseconds / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the MB/s columns.</summary>
public sealed class ThroughputConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(fromMinimum: false), new ThroughputColumn(fromMinimum: true));
    }
}
