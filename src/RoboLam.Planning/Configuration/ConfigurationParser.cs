namespace RoboLam.Planning.Configuration;

/// <summary>Parses configuration strings such as <c>lazy-gbfs(ff, lmcount)</c> or <c>wastar(ff, w=3)</c> (recursive descent).</summary>
internal sealed class ConfigurationParser
{
    private readonly string _text;
    private int _position;

    private ConfigurationParser(string text)
    {
        _text = text;
    }

    public static ComponentExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ConfigurationParser(text);
        var expression = parser.ParseExpression();
        parser.SkipSpaces();
        if (parser._position < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position]}' after '{expression}'");
        }

        return expression;
    }

    private ComponentExpression ParseExpression()
    {
        SkipSpaces();
        var start = _position;
        var name = ReadWord();
        var arguments = new List<ComponentArgument>();
        SkipSpaces();
        if (!TryConsume('('))
        {
            return new ComponentExpression(name, arguments, start);
        }

        SkipSpaces();
        if (TryConsume(')'))
        {
            return new ComponentExpression(name, arguments, start);
        }

        while (true)
        {
            arguments.Add(ParseArgument());
            SkipSpaces();
            if (TryConsume(')'))
            {
                return new ComponentExpression(name, arguments, start);
            }

            if (!TryConsume(','))
            {
                throw Error(_position < _text.Length ? $"expected ',' or ')' but found '{_text[_position]}'" : $"missing ')' to close '{name}('");
            }
        }
    }

    private ComponentArgument ParseArgument()
    {
        var value = ParseExpression();
        SkipSpaces();
        if (!TryConsume('='))
        {
            return new ComponentArgument(null, value);
        }

        if (value.Arguments.Count > 0)
        {
            throw Error($"an option name cannot have arguments: '{value}'");
        }

        return new ComponentArgument(value.Name, ParseExpression());
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && IsWordCharacter(_text[_position]))
        {
            _position++;
        }

        if (start == _position)
        {
            throw Error(_position < _text.Length ? $"expected a name or a number but found '{_text[_position]}'" : "expected a name or a number but the text ended");
        }

        return _text[start.._position];
    }

    private static bool IsWordCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.';

    private bool TryConsume(char expected)
    {
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private ConfigurationException Error(string message) =>
        new($"search configuration '{_text}', column {_position + 1}: {message}");
}
