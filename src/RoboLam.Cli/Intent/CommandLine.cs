namespace RoboLam.Cli.Intent;

/// <summary>
/// The arguments of an intent sub-command: <c>--name value</c> options (some repeatable), <c>--flag</c> switches
/// and positional words. Unknown options are usage errors.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Parses; on a bad argument returns null and sets <paramref name="problem"/>.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags, out string problem)
    {
        problem = string.Empty;
        var result = new CommandLine();
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg == "--")
            {
                result.Positional.AddRange(args.Skip(index + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                result.Positional.Add(arg);
                continue;
            }

            if (flags.Contains(arg))
            {
                result._flags.Add(arg);
                continue;
            }

            if (!valueOptions.Contains(arg))
            {
                problem = $"unknown option '{arg}'";
                return null;
            }

            if (index + 1 >= args.Count)
            {
                problem = $"option '{arg}' needs a value";
                return null;
            }

            if (!result._options.TryGetValue(arg, out var values))
            {
                values = [];
                result._options[arg] = values;
            }

            values.Add(args[++index]);
        }

        return result;
    }

    public string? Value(string option) => _options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string option) => _options.TryGetValue(option, out var values) ? values : [];

    public bool Has(string flag) => _flags.Contains(flag);
}
