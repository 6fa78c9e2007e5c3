using System.Text;

namespace RoboLam.Pddl.Writing;

/// <summary>
/// Lays out forms: a form that fits the line stays on it; a longer one keeps its head words on the first line
/// (a keyword such as :precondition stays beside its value) and puts each other element on its own line,
/// indented by two. Lists of words only (objects, types) are filled line by line.
/// </summary>
internal static class SExprPrinter
{
    private const int Width = 100;
    private const int IndentStep = 2;

    /// <summary>Heads whose first list stays on the head's line: (define (domain d), (forall (?x - t), (:derived (p ?x).</summary>
    private static readonly HashSet<string> s_headsWithInlineList = new(StringComparer.Ordinal)
    {
        "define", "forall", "exists", ":derived",
    };

    public static void Print(SExpr expression, StringBuilder output, int indent)
    {
        if (expression.Atom is { } atom)
        {
            output.Append(atom);
            return;
        }

        var items = expression.Items!;
        if (indent + expression.FlatLength() <= Width)
        {
            PrintFlat(expression, output);
            return;
        }

        if (items.TrueForAll(item => item.Atom is not null))
        {
            PrintFilled(items, output, indent);
            return;
        }

        output.Append('(');
        var index = PrintHead(items, output, indent);
        var inner = indent + IndentStep;
        while (index < items.Count)
        {
            NewLine(output, inner);
            var item = items[index++];
            Print(item, output, inner);
            if (item.Atom is { } keyword && keyword.StartsWith(':') && index < items.Count)
            {
                output.Append(' ');
                Print(items[index++], output, inner);
            }
        }

        output.Append(')');
    }

    /// <summary>Prints the leading words (up to a :keyword after the first) and returns the index of the first element left.</summary>
    private static int PrintHead(List<SExpr> items, StringBuilder output, int indent)
    {
        var index = 0;
        while (index < items.Count && items[index].Atom is { } word && (index == 0 || !word.StartsWith(':')))
        {
            if (index > 0)
            {
                output.Append(' ');
            }

            output.Append(word);
            index++;
        }

        if (index == 1 && items[0].Atom is { } head && s_headsWithInlineList.Contains(head) && index < items.Count)
        {
            output.Append(' ');
            Print(items[index++], output, indent + IndentStep);
        }

        return index;
    }

    private static void PrintFilled(List<SExpr> items, StringBuilder output, int indent)
    {
        output.Append('(');
        var column = indent + 1;
        for (var i = 0; i < items.Count; i++)
        {
            var word = items[i].Atom!;
            if (i > 0 && column + 1 + word.Length > Width)
            {
                NewLine(output, indent + IndentStep);
                column = indent + IndentStep;
            }
            else if (i > 0)
            {
                output.Append(' ');
                column++;
            }

            output.Append(word);
            column += word.Length;
        }

        output.Append(')');
    }

    private static void PrintFlat(SExpr expression, StringBuilder output)
    {
        if (expression.Atom is { } atom)
        {
            output.Append(atom);
            return;
        }

        output.Append('(');
        var items = expression.Items!;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            PrintFlat(items[i], output);
        }

        output.Append(')');
    }

    private static void NewLine(StringBuilder output, int indent) =>
        output.Append('\n').Append(' ', indent);
}
