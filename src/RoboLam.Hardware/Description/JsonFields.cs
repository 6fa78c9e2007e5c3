using System.Globalization;
using System.Text.Json;
using UnitsNet;

namespace RoboLam.Hardware.Description;

/// <summary>
/// Reads the fields of one JSON object, recording every problem with its JSON path instead of stopping at
/// the first, and refusing property names the schema does not know (a misspelt key must not silently
/// fall back to a default).
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path, DiagnosticBag diagnostics)
    {
        _element = element;
        Path = path;
        _diagnostics = diagnostics;
    }

    public string Path { get; }

    /// <summary>The fields of <paramref name="element"/>, or null (with an error) when it is not an object.</summary>
    public static JsonFields? Of(JsonElement element, string path, DiagnosticBag diagnostics)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(path, $"expected an object {{ ... }}, found {Describe(element)}");
            return null;
        }

        return new JsonFields(element, path, diagnostics);
    }

    public static string Child(string path, string property) =>
        property.All(character => char.IsLetterOrDigit(character) || character == '_')
            ? path + "." + property
            : path + "['" + property + "']";

    public string PathOf(string property) => Child(Path, property);

    /// <summary>Reports every property not read through this instance as unknown; call after reading.</summary>
    public void RejectUnknown(params string[] alsoAllowed)
    {
        foreach (var name in alsoAllowed)
        {
            _known.Add(name);
        }

        foreach (var property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                var suggestion = _known.Where(name => !name.StartsWith('$')).Order(StringComparer.Ordinal);
                _diagnostics.Error(PathOf(property.Name), $"unknown property \"{property.Name}\"; expected one of: {string.Join(", ", suggestion)}");
            }
        }
    }

    /// <summary>Records an error at one of this object's properties.</summary>
    public void Error(string property, string message) => _diagnostics.Error(PathOf(property), message);

    /// <summary>All properties, each counted as known (for objects whose keys are data, like "bindings").</summary>
    public IEnumerable<JsonProperty> Properties()
    {
        foreach (var property in _element.EnumerateObject())
        {
            _known.Add(property.Name);
            yield return property;
        }
    }

    public bool Has(string property)
    {
        _known.Add(property);
        return _element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    public JsonElement? Element(string property, bool required)
    {
        _known.Add(property);
        if (_element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            _diagnostics.Error(PathOf(property), $"missing required property \"{property}\"");
        }

        return null;
    }

    public JsonFields? Object(string property, bool required = true) =>
        Element(property, required) is { } value ? Of(value, PathOf(property), _diagnostics) : null;

    public IReadOnlyList<(string Path, JsonElement Element)> Array(string property, bool required = true)
    {
        if (Element(property, required) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _diagnostics.Error(PathOf(property), $"expected an array [ ... ], found {Describe(value)}");
            return [];
        }

        return value.EnumerateArray().Select((item, index) => ($"{PathOf(property)}[{index}]", item)).ToArray();
    }

    public string? String(string property, bool required = true)
    {
        if (Element(property, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            _diagnostics.Error(PathOf(property), $"expected a non-empty string, found {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    public int? Integer(string property, bool required = true, int? minimum = null, int? maximum = null)
    {
        if (Element(property, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            _diagnostics.Error(PathOf(property), $"expected a whole number, found {Describe(value)}");
            return null;
        }

        if ((minimum is { } low && number < low) || (maximum is { } high && number > high))
        {
            _diagnostics.Error(PathOf(property), $"{number} is out of range {minimum}..{maximum}");
            return null;
        }

        return number;
    }

    public bool? Boolean(string property, bool required = true)
    {
        if (Element(property, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _diagnostics.Error(PathOf(property), $"expected true or false, found {Describe(value)}");
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>A string that must be one of <paramref name="choices"/> (case-sensitive, as the schema's enum).</summary>
    public T? Choice<T>(string property, IReadOnlyDictionary<string, T> choices, bool required = true)
        where T : struct
    {
        if (String(property, required) is not { } text)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        _diagnostics.Error(PathOf(property), $"\"{text}\" is not allowed; expected one of: {string.Join(", ", choices.Keys)}");
        return null;
    }

    public Length? Length(string property, bool required = true) => Quantity<Length>(property, required, QuantityText.TryParseLength);

    public Angle? Angle(string property, bool required = true) => Quantity<Angle>(property, required, QuantityText.TryParseAngle);

    public RotationalSpeed? RotationalSpeed(string property, bool required = true) => Quantity<RotationalSpeed>(property, required, QuantityText.TryParseRotationalSpeed);

    public Duration? Duration(string property, bool required = true) => Quantity<Duration>(property, required, QuantityText.TryParseDuration);

    public Frequency? Frequency(string property, bool required = true) => Quantity<Frequency>(property, required, QuantityText.TryParseFrequency);

    private delegate bool QuantityParser<T>(string text, out T value, out string error);

    private T? Quantity<T>(string property, bool required, QuantityParser<T> parse)
        where T : struct
    {
        if (Element(property, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            parse(value.GetRawText(), out _, out var bareError);
            _diagnostics.Error(PathOf(property), bareError);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _diagnostics.Error(PathOf(property), $"expected a quantity with its unit as a string, found {Describe(value)}");
            return null;
        }

        if (!parse(value.GetString()!, out var quantity, out var error))
        {
            _diagnostics.Error(PathOf(property), error);
            return null;
        }

        return quantity;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "\"" + element.GetString() + "\"",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}

/// <summary>Collects diagnostics for one source file.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<RobotFileDiagnostic> _items = [];

    public string Source { get; } = source;

    public IReadOnlyList<RobotFileDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(item => item.Severity == DiagnosticSeverity.Error);

    /// <summary>True when an error was already reported at <paramref name="path"/> or below it (avoids piling on).</summary>
    public bool HasErrorsUnder(string path) =>
        _items.Any(item => item.Severity == DiagnosticSeverity.Error && item.Path.StartsWith(path, StringComparison.Ordinal));

    public void Error(string path, string message) => _items.Add(new RobotFileDiagnostic(Source, path, DiagnosticSeverity.Error, message));

    public void Warning(string path, string message) => _items.Add(new RobotFileDiagnostic(Source, path, DiagnosticSeverity.Warning, message));
}
