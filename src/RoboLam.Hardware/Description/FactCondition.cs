using System.Globalization;

namespace RoboLam.Hardware.Description;

/// <summary>
/// A condition on world facts, written in the robot file as a PDDL-style expression:
/// <c>(door-open)</c>, <c>(conveyor-running c1)</c>, <c>(not (guard-closed))</c>, <c>(and ...)</c>, <c>(or ...)</c>.
/// Names are compared without regard to case.
/// </summary>
public abstract record FactCondition
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says where and what was expected.</summary>
    public static bool TryParse(string text, out FactCondition condition, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new FactExpressionReader(text);
        return reader.TryReadAll(out condition, out error);
    }

    public static FactCondition Parse(string text) =>
        TryParse(text, out var condition, out var error) ? condition : throw new FormatException(error);
}

/// <summary>One ground fact, e.g. <c>(conveyor-running c1)</c>; <see cref="Text"/> is its canonical lower-case form.</summary>
public sealed record FactAtom : FactCondition
{
    public FactAtom(string predicate, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(predicate);
        ArgumentNullException.ThrowIfNull(arguments);
        Predicate = predicate.ToLowerInvariant();
        Arguments = arguments.Select(argument => argument.ToLowerInvariant()).ToArray();
        Text = Arguments.Count == 0 ? $"({Predicate})" : $"({Predicate} {string.Join(' ', Arguments)})";
    }

    public string Predicate { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The canonical text, the key by which facts are compared.</summary>
    public string Text { get; }

    /// <summary>A single fact such as <c>(door-open)</c>; connectives are not facts.</summary>
    public static bool TryParseFact(string text, out FactAtom fact, out string error)
    {
        fact = null!;
        if (!TryParse(text, out var condition, out error))
        {
            return false;
        }

        if (condition is not FactAtom atom)
        {
            error = $"\"{text}\" is a condition, not a single fact like \"(door-open)\"";
            return false;
        }

        fact = atom;
        return true;
    }

    public static FactAtom ParseFact(string text) =>
        TryParseFact(text, out var fact, out var error) ? fact : throw new FormatException(error);

    public bool Equals(FactAtom? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}

public sealed record NotCondition(FactCondition Operand) : FactCondition
{
    public override string ToString() => $"(not {Operand})";
}

public sealed record AllCondition(IReadOnlyList<FactCondition> Operands) : FactCondition
{
    public override string ToString() => $"(and {string.Join(' ', Operands)})";
}

public sealed record AnyCondition(IReadOnlyList<FactCondition> Operands) : FactCondition
{
    public override string ToString() => $"(or {string.Join(' ', Operands)})";
}

/// <summary>A small recursive-descent reader for fact conditions; errors name the character position.</summary>
internal sealed class FactExpressionReader(string text)
{
    private int _position;

    public bool TryReadAll(out FactCondition condition, out string error)
    {
        condition = null!;
        if (!TryRead(out condition, out error))
        {
            return false;
        }

        SkipSpace();
        if (_position < text.Length)
        {
            error = Describe($"unexpected \"{text[_position..]}\" after the condition");
            return false;
        }

        return true;
    }

    private bool TryRead(out FactCondition condition, out string error)
    {
        condition = null!;
        SkipSpace();
        if (_position >= text.Length || text[_position] != '(')
        {
            error = Describe("expected \"(\" to start a fact such as (door-open)");
            return false;
        }

        _position++;
        var head = ReadName();
        if (head.Length == 0)
        {
            error = Describe("expected a predicate name or and/or/not after \"(\"");
            return false;
        }

        switch (head.ToLowerInvariant())
        {
            case "not":
                if (!TryRead(out var operand, out error) || !TryClose(out error))
                {
                    return false;
                }

                condition = new NotCondition(operand);
                return true;
            case "and":
            case "or":
                var operands = new List<FactCondition>();
                SkipSpace();
                while (_position < text.Length && text[_position] == '(')
                {
                    if (!TryRead(out var next, out error))
                    {
                        return false;
                    }

                    operands.Add(next);
                    SkipSpace();
                }

                if (operands.Count == 0)
                {
                    error = Describe($"\"{head}\" needs at least one condition");
                    return false;
                }

                if (!TryClose(out error))
                {
                    return false;
                }

                condition = head.Equals("and", StringComparison.OrdinalIgnoreCase) ? new AllCondition(operands) : new AnyCondition(operands);
                return true;
            default:
                var arguments = new List<string>();
                while (true)
                {
                    SkipSpace();
                    var argument = ReadName();
                    if (argument.Length == 0)
                    {
                        break;
                    }

                    arguments.Add(argument);
                }

                if (!TryClose(out error))
                {
                    return false;
                }

                condition = new FactAtom(head, arguments);
                return true;
        }
    }

    private bool TryClose(out string error)
    {
        SkipSpace();
        if (_position < text.Length && text[_position] == ')')
        {
            _position++;
            error = string.Empty;
            return true;
        }

        error = Describe("expected \")\"");
        return false;
    }

    private string ReadName()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '-' or '_' or '.'))
        {
            _position++;
        }

        return text[start.._position];
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private string Describe(string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{text}\" at character {_position + 1}: {problem}");
}
