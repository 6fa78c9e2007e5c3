using System.Globalization;

namespace RoboLam.Planning.Configuration;

/// <summary>Reads the options of one component term, rejecting unknown or malformed ones with a clear message.</summary>
internal sealed class ComponentArguments
{
    private readonly ComponentExpression _expression;
    private readonly Dictionary<string, ComponentExpression> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ComponentArguments(ComponentExpression expression)
    {
        _expression = expression;
        foreach (var argument in expression.Arguments)
        {
            if (argument.Key is null)
            {
                Positional.Add(argument.Value);
            }
            else if (!_named.TryAdd(argument.Key, argument.Value))
            {
                throw new ConfigurationException($"'{expression.Name}': option '{argument.Key}' is given twice");
            }
        }
    }

    public List<ComponentExpression> Positional { get; } = [];

    public int ReadInt(string key, int defaultValue, int minimum)
    {
        if (!_named.TryGetValue(key, out var value))
        {
            _read.Add(key);
            return defaultValue;
        }

        _read.Add(key);
        if (value.Arguments.Count > 0 || !int.TryParse(value.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum)
        {
            throw new ConfigurationException($"'{_expression.Name}': option {key} must be a whole number of at least {minimum}, not '{value}'");
        }

        return number;
    }

    public bool ReadBool(string key, bool defaultValue)
    {
        _read.Add(key);
        if (!_named.TryGetValue(key, out var value))
        {
            return defaultValue;
        }

        return value.Name switch
        {
            "true" when value.Arguments.Count == 0 => true,
            "false" when value.Arguments.Count == 0 => false,
            _ => throw new ConfigurationException($"'{_expression.Name}': option {key} must be true or false, not '{value}'"),
        };
    }

    public T ReadChoice<T>(string key, T defaultValue, IReadOnlyDictionary<string, T> choices)
    {
        _read.Add(key);
        if (!_named.TryGetValue(key, out var value))
        {
            return defaultValue;
        }

        if (value.Arguments.Count == 0 && choices.TryGetValue(value.Name, out var choice))
        {
            return choice;
        }

        throw new ConfigurationException($"'{_expression.Name}': option {key} must be one of {string.Join(", ", choices.Keys)}, not '{value}'");
    }

    /// <summary>Fails on options that were given but never read, and on positional arguments beyond <paramref name="maximumPositional"/>.</summary>
    public void EnsureNothingElse(int maximumPositional)
    {
        foreach (var key in _named.Keys)
        {
            if (!_read.Contains(key))
            {
                throw new ConfigurationException($"'{_expression.Name}' has no option '{key}'");
            }
        }

        if (Positional.Count > maximumPositional)
        {
            throw new ConfigurationException(maximumPositional == 0
                ? $"'{_expression.Name}' takes no arguments, but got '{Positional[0]}'"
                : $"'{_expression.Name}' takes at most {maximumPositional} heuristic(s), but got {Positional.Count}");
        }
    }
}
