using Antlr4.Runtime;
using Antlr4.Runtime.Tree;

namespace RoboLam.Pddl.Generated;

// The parse tree keeps no node for the tokens of the rules below: a fact in :init, a name, a term. The
// AstBuilder reads those tokens from the context's Start token, its labels, or the token stream between
// Start and Stop, so these nodes (and the child lists holding them) would be garbage made for nothing,
// tens of thousands per large problem. Error nodes are still added, which is how the builder knows that
// recovery touched a form. Nothing here changes what the grammar accepts.
#pragma warning disable CA1034 // Nested types are the generated parser's; these only extend them.

public partial class PddlParser
{
    public partial class NameContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class TermContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class TypedItemContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class NumericExprContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class GoalDescriptionContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class EffectContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class InitElementContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class GroundAtomContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }

    public partial class GroundFunctionContext
    {
        public override ITerminalNode AddChild(IToken matchedToken) => null!;
    }
}
