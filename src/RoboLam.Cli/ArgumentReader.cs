using System.Globalization;

namespace RoboLam.Cli;

/// <summary>
/// Splits a verb's arguments into positional values and <c>--name value</c> options, reporting the first mistake
/// as a sentence. Small on purpose: the command starts in milliseconds and needs no parser library.
/// </summary>
public sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private ArgumentReader()
    {
    }

    public IReadOnlyList<string> Positional => _positional;

    public string? Error { get; private set; }

    /// <param name="flags">Options that take no value, such as <c>--list</c>.</param>
    /// <param name="valued">Options that take one value, such as <c>--search</c>.</param>
    public static ArgumentReader Read(IReadOnlyList<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> valued)
    {
        var reader = new ArgumentReader();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                reader._positional.Add(arg);
            }
            else if (flags.Contains(arg))
            {
                reader._options[arg] = null;
            }
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    reader.Error ??= $"option {arg} needs a value";
                    break;
                }

                reader._options[arg] = args[++i];
            }
            else
            {
                var known = string.Join(", ", flags.Concat(valued));
                reader.Error ??= $"unknown option {arg}" + (known.Length > 0 ? $" (known: {known})" : string.Empty);
            }
        }

        return reader;
    }

    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>Records a mistake found after reading (a value out of range, options that do not go together); the first one wins.</summary>
    public void Fail(string error) => Error ??= error;

    public string? Value(string option) => _options.GetValueOrDefault(option);

    /// <summary>A positive number of seconds, or the default; sets <see cref="Error"/> on a bad value.</summary>
    public TimeSpan Seconds(string option, TimeSpan defaultValue)
    {
        var text = Value(option);
        if (text is null)
        {
            return defaultValue;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        Error ??= $"option {option} needs a positive number of seconds, not '{text}'";
        return defaultValue;
    }

    /// <summary>A positive whole number, or the default; sets <see cref="Error"/> on a bad value.</summary>
    public long Number(string option, long defaultValue)
    {
        var text = Value(option);
        if (text is null)
        {
            return defaultValue;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        Error ??= $"option {option} needs a positive whole number, not '{text}'";
        return defaultValue;
    }
}
