namespace RoboLam.Validation.Plans;

/// <summary>Reads the steps on one line of a plan file; a bad line yields one error and is skipped.</summary>
internal sealed class PlanLineReader
{
    private readonly string _line;
    private readonly int _lineNumber;
    private readonly string _fileName;
    private int _position;

    public PlanLineReader(string line, int lineNumber, string fileName)
    {
        _line = line;
        _lineNumber = lineNumber;
        _fileName = fileName;
    }

    public void Read(List<PlanStep> steps, List<PlanFileError> errors)
    {
        while (true)
        {
            SkipSpace();
            if (AtEndOrComment())
            {
                return;
            }

            SkipTimestamp();
            if (AtEndOrComment())
            {
                errors.Add(ErrorHere("expected '(' and a step after the timestamp"));
                return;
            }

            if (_line[_position] != '(')
            {
                var column = _position + 1;
                errors.Add(new PlanFileError(_fileName, _lineNumber, column, $"expected '(' to start a step, found '{NextWord()}'"));
                return;
            }

            var step = ReadStep(out var error);
            if (error is not null)
            {
                errors.Add(error);
                return;
            }

            steps.Add(step!);
            SkipSpace();
            SkipDuration();
        }
    }

    private PlanStep? ReadStep(out PlanFileError? error)
    {
        var stepColumn = _position + 1;
        _position++;
        var words = new List<string>();
        while (true)
        {
            SkipSpace();
            if (_position >= _line.Length || _line[_position] == ';')
            {
                error = ErrorHere("expected ')' to close the step before the end of the line");
                return null;
            }

            var character = _line[_position];
            if (character == ')')
            {
                _position++;
                break;
            }

            if (character == '(')
            {
                error = ErrorHere("unexpected '(' inside a step: a step is (action arg...) with plain names");
                return null;
            }

            words.Add(NextWord().ToLowerInvariant());
        }

        if (words.Count == 0)
        {
            error = new PlanFileError(_fileName, _lineNumber, stepColumn, "empty step '()': expected an action name");
            return null;
        }

        error = null;
        return new PlanStep(words[0], words.GetRange(1, words.Count - 1), _lineNumber, stepColumn);
    }

    /// <summary>Skips <c>12:</c> or <c>0.500:</c> before a step.</summary>
    private void SkipTimestamp()
    {
        var end = _position;
        while (end < _line.Length && (char.IsAsciiDigit(_line[end]) || _line[end] == '.'))
        {
            end++;
        }

        if (end > _position && end < _line.Length && _line[end] == ':')
        {
            _position = end + 1;
            SkipSpace();
        }
    }

    /// <summary>Skips <c>[1.000]</c> after a step.</summary>
    private void SkipDuration()
    {
        if (_position < _line.Length && _line[_position] == '[')
        {
            var close = _line.IndexOf(']', _position);
            _position = close < 0 ? _line.Length : close + 1;
        }
    }

    private string NextWord()
    {
        var start = _position;
        while (_position < _line.Length && !IsDelimiter(_line[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            _position++;
        }

        return _line[start.._position];
    }

    private static bool IsDelimiter(char character) =>
        char.IsWhiteSpace(character) || character is '(' or ')' or ';';

    private void SkipSpace()
    {
        while (_position < _line.Length && char.IsWhiteSpace(_line[_position]))
        {
            _position++;
        }
    }

    private bool AtEndOrComment() => _position >= _line.Length || _line[_position] == ';';

    private PlanFileError ErrorHere(string message) =>
        new(_fileName, _lineNumber, Math.Min(_position, _line.Length) + 1, message);
}
