using System.Globalization;

namespace RoboLam.Cli.Line.Scale;

/// <summary>Figures of a process: memory and load from <c>/proc</c> (Linux; null elsewhere or when the process is gone), and this process's collector.</summary>
internal static class ProcessFigures
{
    /// <summary>The peak resident set size (VmHWM) in bytes.</summary>
    public static long? PeakWorkingSet(int processId)
    {
        var path = $"/proc/{processId}/status";
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The 1-minute load average, or null where <c>/proc/loadavg</c> cannot be read.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This process's garbage collector, e.g. "server GC, 2 heaps, adapting" or "workstation GC, concurrent".</summary>
    public static string Collector()
    {
        var settings = GC.GetConfigurationVariables();
        if (!System.Runtime.GCSettings.IsServerGC)
        {
            return settings.TryGetValue("ConcurrentGC", out var concurrent) && concurrent is true ? "workstation GC, concurrent" : "workstation GC";
        }

        var heaps = settings.TryGetValue("HeapCount", out var count) ? Convert.ToInt64(count, CultureInfo.InvariantCulture) : 0;
        var adapting = settings.TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode, CultureInfo.InvariantCulture) == 1;
        return string.Create(CultureInfo.InvariantCulture, $"server GC, {(adapting ? "up to " : string.Empty)}{heaps} heaps{(adapting ? ", adapting" : string.Empty)}");
    }
}
