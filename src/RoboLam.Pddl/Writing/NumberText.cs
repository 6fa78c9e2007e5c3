using System.Globalization;

namespace RoboLam.Pddl.Writing;

/// <summary>Numbers as PDDL reads them: the shortest text that reads back as the same double, never with an exponent.</summary>
internal static class NumberText
{
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        return exponentAt < 0 ? text : Expand(text[..exponentAt], int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>Moves the decimal point of a mantissa such as "-1.25" by <paramref name="exponent"/> places.</summary>
    private static string Expand(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var pointAt = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = pointAt < 0 ? unsigned : unsigned.Remove(pointAt, 1);
        var integerDigits = (pointAt < 0 ? unsigned.Length : pointAt) + exponent;

        string result;
        if (integerDigits <= 0)
        {
            result = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            result = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            result = digits[..integerDigits] + "." + digits[integerDigits..];
        }

        return negative ? "-" + result : result;
    }
}
