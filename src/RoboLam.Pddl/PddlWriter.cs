using System.Text;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Writing;

namespace RoboLam.Pddl;

/// <summary>
/// Writes the AST as canonical PDDL: lower case, sections in grammar order, two-space indentation, lines of at
/// most 100 characters where the forms allow. Parsing the text again gives an equal tree.
/// </summary>
public static class PddlWriter
{
    public static string Write(Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return Layout(PddlForms.Domain(domain));
    }

    public static string Write(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Layout(PddlForms.Problem(problem));
    }

    private static string Layout(SExpr form)
    {
        var output = new StringBuilder();
        SExprPrinter.Print(form, output, 0);
        return output.Append('\n').ToString();
    }
}
