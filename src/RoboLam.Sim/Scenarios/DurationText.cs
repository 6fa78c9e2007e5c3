using System.Globalization;

namespace RoboLam.Sim.Scenarios;

/// <summary>Reads times written with their unit, as in robot files: <c>"3 s"</c>, <c>"1500 ms"</c>, <c>"2 min"</c>.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var parts = (text ?? string.Empty).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            return false;
        }

        double? seconds = parts[1] switch
        {
            "ms" => number / 1000,
            "s" => number,
            "min" => number * 60,
            _ => null,
        };
        if (seconds is null)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }
}
