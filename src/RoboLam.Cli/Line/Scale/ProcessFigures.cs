using System.Globalization;

namespace RoboLam.Cli.Line.Scale;

/// <summary>Memory figures of a process from <c>/proc</c> (Linux); null elsewhere or when the process is gone.</summary>
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
}
