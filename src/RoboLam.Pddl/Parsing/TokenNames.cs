using Antlr4.Runtime;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

/// <summary>How tokens read in messages: keywords quoted as written, classes of tokens in words.</summary>
internal static class TokenNames
{
    /// <summary>A kind of token, as in "expected ')'" or "expected a ?variable".</summary>
    public static string Describe(int tokenType) => tokenType switch
    {
        TokenConstants.EOF => "the end of the file",
        Syntax.NAME => "a name",
        Syntax.VARIABLE => "a ?variable",
        Syntax.NUMBER => "a number",
        Syntax.KEYWORD => "a :keyword",
        _ => Syntax.DefaultVocabulary.GetLiteralName(tokenType) ?? Syntax.DefaultVocabulary.GetDisplayName(tokenType),
    };

    /// <summary>A token found in the text, quoted; reserved words say so, because that is the usual surprise.</summary>
    public static string Show(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            return "the end of the file";
        }

        var text = token.Text ?? string.Empty;
        if (text.Length > 40)
        {
            text = text[..40] + "...";
        }

        var isReservedWord = token.Type >= Syntax.AND && token.Type <= Syntax.SCALE_DOWN
            || token.Type is Syntax.DEFINE or Syntax.DOMAIN or Syntax.PROBLEM;
        return isReservedWord ? $"'{text}' (a reserved word)" : $"'{text}'";
    }
}
