using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;
using Syntax = RoboLam.Pddl.Generated.PddlParser;

namespace RoboLam.Pddl.Parsing;

internal sealed partial class AstBuilder
{
    public Domain BuildDomain(Syntax.DomainFileContext context)
    {
        var items = context.domainItem();

        // Functions first, whatever their place: actions need to know which functions hold objects.
        foreach (var item in items)
        {
            if (item is Syntax.FunctionsSectionContext functionsSection)
            {
                foreach (var function in Functions(functionsSection.functionItem()))
                {
                    if (!function.IsNumeric)
                    {
                        _objectFunctions.Add(function.Name);
                    }
                }
            }
        }

        var requirements = new List<string>();
        var types = new List<TypeDecl>();
        var constants = new List<TypedName>();
        var predicates = new List<PredicateDecl>();
        var functions = new List<FunctionDecl>();
        Condition? constraints = null;
        var actions = new List<ActionDef>();
        var durativeActions = new List<DurativeActionDef>();
        var derivedPredicates = new List<DerivedPredicateDef>();
        var seenSections = new HashSet<int>();

        foreach (var item in items)
        {
            if (item is not (Syntax.ActionSectionContext or Syntax.DurativeActionSectionContext or Syntax.DerivedSectionContext)
                && item.ChildCount > 1 && item.GetChild(1) is ITerminalNode keyword && !seenSections.Add(keyword.Symbol.Type))
            {
                Report(DiagnosticCodes.RepeatedSection, At(item),
                    $"the section '{keyword.GetText().ToLowerInvariant()}' appears twice; merge the two into one");
            }

            switch (item)
            {
                case Syntax.RequirementsSectionContext requirementsSection:
                    requirements.AddRange(Requirements(requirementsSection.requirementKey()));
                    break;
                case Syntax.TypesSectionContext typesSection:
                    foreach (var type in TypedList(typesSection.typedItem(), ListKind.Names))
                    {
                        types.Add(new TypeDecl(type.Name, type.Type, type.Span));
                    }

                    break;
                case Syntax.ConstantsSectionContext constantsSection:
                    constants.AddRange(TypedList(constantsSection.typedItem(), ListKind.Names));
                    break;
                case Syntax.PredicatesSectionContext predicatesSection:
                    foreach (var skeleton in predicatesSection.predicateSkeleton())
                    {
                        if (Skeleton(skeleton) is { } predicate)
                        {
                            predicates.Add(new PredicateDecl(predicate.Name, predicate.Parameters, predicate.Span));
                        }
                    }

                    break;
                case Syntax.FunctionsSectionContext functionsSection:
                    functions.AddRange(Functions(functionsSection.functionItem()));
                    break;
                case Syntax.DomainConstraintsSectionContext constraintsSection:
                    constraints = Condition(constraintsSection.goalDescription(), inConstraints: true);
                    break;
                case Syntax.ActionSectionContext actionSection when Action(actionSection) is { } action:
                    actions.Add(action);
                    break;
                case Syntax.DurativeActionSectionContext durativeSection when DurativeAction(durativeSection) is { } durativeAction:
                    durativeActions.Add(durativeAction);
                    break;
                case Syntax.DerivedSectionContext derivedSection when Derived(derivedSection) is { } derived:
                    derivedPredicates.Add(derived);
                    break;
            }
        }

        return new Domain(
            Name(context.name()) ?? string.Empty,
            requirements.ToSeq(),
            types.ToSeq(),
            constants.ToSeq(),
            predicates.ToSeq(),
            functions.ToSeq(),
            constraints,
            actions.ToSeq(),
            durativeActions.ToSeq(),
            derivedPredicates.ToSeq(),
            At(context));
    }

    private List<string> Requirements(Syntax.RequirementKeyContext[] keys)
    {
        var result = new List<string>(keys.Length);
        foreach (var key in keys)
        {
            if (key.ChildCount == 1 && key.GetChild(0) is ITerminalNode node and not IErrorNode)
            {
                result.Add(_names.Get(node.Symbol));
            }
        }

        return result;
    }

    /// <summary>A predicate or function head: <c>(name ?p - t ...)</c>.</summary>
    private PredicateDecl? Skeleton(Syntax.PredicateSkeletonContext? context) =>
        context is not null && Name(context.name()) is { } name
            ? new PredicateDecl(name, TypedList(context.typedItem(), ListKind.Variables), At(context))
            : null;

    /// <summary>Function heads, each followed by an optional '- number' or '- TYPE' that applies to the heads before it.</summary>
    private List<FunctionDecl> Functions(Syntax.FunctionItemContext[] items)
    {
        var result = new List<FunctionDecl>(items.Length);
        var untypedFrom = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case Syntax.FunctionSkeletonContext skeletonItem when Skeleton(skeletonItem.predicateSkeleton()) is { } head:
                    result.Add(new FunctionDecl(head.Name, head.Parameters, null, head.Span));
                    break;
                case Syntax.FunctionResultContext resultItem:
                    var type = Type(resultItem.typeRef());
                    if (untypedFrom == result.Count)
                    {
                        Report(DiagnosticCodes.MalformedTypedList, At(resultItem),
                            "'- TYPE' has no function before it; write it after the functions it types, as in (f ?x) - number");
                    }
                    else if (type is not null && !(type.Alternatives is ["number"]))
                    {
                        for (var i = untypedFrom; i < result.Count; i++)
                        {
                            result[i] = result[i] with { ResultType = type };
                        }
                    }

                    untypedFrom = result.Count;
                    break;
            }
        }

        return result;
    }

    private ActionDef? Action(Syntax.ActionSectionContext context)
    {
        if (Name(context.name()) is not { } name)
        {
            return null;
        }

        var parts = ActionParts(context.actionItem(), isDurative: false, name);
        return new ActionDef(name, parts.Parameters, parts.Precondition, parts.Effect, At(context));
    }

    private DurativeActionDef? DurativeAction(Syntax.DurativeActionSectionContext context)
    {
        if (Name(context.name()) is not { } name)
        {
            return null;
        }

        var parts = ActionParts(context.actionItem(), isDurative: true, name);
        return new DurativeActionDef(name, parts.Parameters, parts.Duration, parts.Precondition, parts.Effect, At(context));
    }

    private DerivedPredicateDef? Derived(Syntax.DerivedSectionContext context)
    {
        var head = Skeleton(context.predicateSkeleton());
        var body = Condition(context.goalDescription());
        return head is null || body is null ? null : new DerivedPredicateDef(head.Name, head.Parameters, body, At(context));
    }

    private readonly record struct Parts(Seq<TypedName> Parameters, Condition? Duration, Condition? Precondition, Effect? Effect);

    /// <summary>
    /// The parts of an action in any order; each at most once. An :action has :precondition, a :durative-action
    /// has :duration and :condition.
    /// </summary>
    private Parts ActionParts(Syntax.ActionItemContext[] items, bool isDurative, string actionName)
    {
        var parts = new Parts(Seq<TypedName>.Empty, null, null, null);
        var seen = new HashSet<int>();
        foreach (var item in items)
        {
            if (item.ChildCount == 0 || item.GetChild(0) is not ITerminalNode keyword || keyword is IErrorNode)
            {
                continue;
            }

            var keywordText = keyword.GetText().ToLowerInvariant();
            if (!seen.Add(keyword.Symbol.Type))
            {
                Report(DiagnosticCodes.RepeatedSection, At(item), $"'{keywordText}' appears twice in '{actionName}'; keep one");
                continue;
            }

            switch (item)
            {
                case Syntax.ParametersPartContext parameters:
                    parts = parts with { Parameters = TypedList(parameters.typedItem(), ListKind.Variables) };
                    break;
                case Syntax.PreconditionPartContext precondition when !isDurative:
                    parts = parts with { Precondition = Condition(precondition.goalDescription()) };
                    break;
                case Syntax.ConditionPartContext condition when isDurative:
                    parts = parts with { Precondition = Condition(condition.goalDescription()) };
                    break;
                case Syntax.DurationPartContext duration when isDurative:
                    parts = parts with { Duration = Condition(duration.goalDescription()) };
                    break;
                case Syntax.EffectPartContext effect:
                    parts = parts with { Effect = Effect(effect.effect()) };
                    break;
                default:
                    ReportMisplacedPart(item, keywordText, isDurative, actionName);
                    break;
            }
        }

        return parts;
    }

    private void ReportMisplacedPart(ParserRuleContext item, string keyword, bool isDurative, string actionName)
    {
        var advice = isDurative
            ? "a :durative-action has :parameters, :duration, :condition and :effect; write conditions as (at start ...), (over all ...) or (at end ...) under :condition"
            : "an :action has :parameters, :precondition and :effect; :duration and :condition belong to a :durative-action";
        Report(DiagnosticCodes.MisplacedSection, At(item), $"'{keyword}' does not belong in '{actionName}': {advice}");
    }
}
