using System.Globalization;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// Reads quantities written as a number and a unit ("0.12 m", "90 deg", "60 deg/s", "500 us", "50 Hz").
/// A bare number is refused on purpose: in a robot file a length without a unit is a wiring accident waiting.
/// Parsing is culture-independent (a dot is the decimal separator) and the unit lists are the ones the
/// schema publishes.
/// </summary>
public static class QuantityText
{
    private static readonly Dictionary<string, double> s_meters = new(StringComparer.Ordinal)
    {
        ["m"] = 1.0,
        ["cm"] = 0.01,
        ["mm"] = 0.001,
    };

    private static readonly Dictionary<string, double> s_degrees = new(StringComparer.Ordinal)
    {
        ["deg"] = 1.0,
        ["°"] = 1.0,
        ["rad"] = 180.0 / Math.PI,
    };

    private static readonly Dictionary<string, double> s_degreesPerSecond = new(StringComparer.Ordinal)
    {
        ["deg/s"] = 1.0,
        ["°/s"] = 1.0,
        ["rad/s"] = 180.0 / Math.PI,
        ["rpm"] = 6.0,
    };

    private static readonly Dictionary<string, double> s_seconds = new(StringComparer.Ordinal)
    {
        ["s"] = 1.0,
        ["ms"] = 1e-3,
        ["us"] = 1e-6,
        ["µs"] = 1e-6,
    };

    private static readonly Dictionary<string, double> s_hertz = new(StringComparer.Ordinal)
    {
        ["Hz"] = 1.0,
        ["kHz"] = 1000.0,
    };

    public static bool TryParseLength(string text, out Length length, out string error)
    {
        var ok = TryParse(text, s_meters, "a length", "0.12 m", out var meters, out error);
        length = Length.FromMeters(meters);
        return ok;
    }

    public static bool TryParseAngle(string text, out Angle angle, out string error)
    {
        var ok = TryParse(text, s_degrees, "an angle", "90 deg", out var degrees, out error);
        angle = Angle.FromDegrees(degrees);
        return ok;
    }

    public static bool TryParseRotationalSpeed(string text, out RotationalSpeed speed, out string error)
    {
        var ok = TryParse(text, s_degreesPerSecond, "a rotational speed", "60 deg/s", out var degreesPerSecond, out error);
        speed = RotationalSpeed.FromDegreesPerSecond(degreesPerSecond);
        return ok;
    }

    public static bool TryParseDuration(string text, out Duration duration, out string error)
    {
        var ok = TryParse(text, s_seconds, "a duration", "20 ms", out var seconds, out error);
        duration = Duration.FromSeconds(seconds);
        return ok;
    }

    public static bool TryParseFrequency(string text, out Frequency frequency, out string error)
    {
        var ok = TryParse(text, s_hertz, "a frequency", "50 Hz", out var hertz, out error);
        frequency = Frequency.FromHertz(hertz);
        return ok;
    }

    public static Length ParseLength(string text) => TryParseLength(text, out var value, out var error) ? value : throw new FormatException(error);

    public static Angle ParseAngle(string text) => TryParseAngle(text, out var value, out var error) ? value : throw new FormatException(error);

    private static bool TryParse(string text, Dictionary<string, double> units, string what, string example, out double value, out string error)
    {
        value = 0;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsDigit(trimmed[split]) || trimmed[split] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // 'e' only counts as an exponent when a digit follows; otherwise it may start a unit.
            if (trimmed[split] is 'e' or 'E' && (split + 1 >= trimmed.Length || !(char.IsDigit(trimmed[split + 1]) || trimmed[split + 1] is '-' or '+')))
            {
                break;
            }

            split++;
        }

        var number = trimmed[..split];
        var unit = trimmed[split..].Trim();
        var accepted = string.Join(", ", units.Keys);
        if (number.Length == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var magnitude) || !double.IsFinite(magnitude))
        {
            error = $"\"{text}\" is not {what}: write a number then a unit, e.g. \"{example}\" (units: {accepted})";
            return false;
        }

        if (unit.Length == 0)
        {
            error = $"\"{text}\" has no unit: write {what} with its unit, e.g. \"{example}\" (units: {accepted})";
            return false;
        }

        if (!units.TryGetValue(unit, out var factor))
        {
            error = $"\"{unit}\" is not a unit of {what} (units: {accepted})";
            return false;
        }

        value = magnitude * factor;
        error = string.Empty;
        return true;
    }
}
