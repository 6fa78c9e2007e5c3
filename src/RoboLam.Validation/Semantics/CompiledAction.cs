using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>An action schema ready to check: its parameters take slots 0..n-1.</summary>
internal sealed class CompiledAction
{
    public CompiledAction(ActionDef source, CompiledCondition? precondition, CompiledEffect? effect)
    {
        Source = source;
        Precondition = precondition;
        Effect = effect;
    }

    public ActionDef Source { get; }

    public string Name => Source.Name;

    public Seq<TypedName> Parameters => Source.Parameters;

    public CompiledCondition? Precondition { get; }

    public CompiledEffect? Effect { get; }
}
