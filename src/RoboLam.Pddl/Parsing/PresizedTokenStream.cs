using Antlr4.Runtime;

namespace RoboLam.Pddl.Parsing;

/// <summary>A token stream whose buffer is sized from the text up front instead of doubling its way up through large arrays.</summary>
internal sealed class PresizedTokenStream : CommonTokenStream
{
    /// <summary>PDDL averages about one token per six characters; a little more capacity beats one more copy.</summary>
    private const int CharactersPerToken = 5;

    public PresizedTokenStream(ITokenSource source, int textLength)
        : base(source)
    {
        tokens = new List<IToken>(Math.Max(16, textLength / CharactersPerToken));
    }
}
