using RoboLam.Pddl.Ast;
using RoboLam.Runtime.Planning;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>
/// A domain prepared for execution: its actions by name and its type hierarchy, so that an action of a plan
/// can be checked against the live world (preconditions) and its effects predicted. Immutable and shared.
/// </summary>
public sealed class DomainModel
{
    private readonly Dictionary<string, ActionDef> _actions;
    private readonly Dictionary<string, string[]> _parents;

    private DomainModel(Domain domain)
    {
        Domain = domain;
        _actions = domain.Actions.ToDictionary(action => action.Name, StringComparer.Ordinal);
        _parents = domain.Types
            .GroupBy(type => type.Name, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.SelectMany(type => type.Parent.Alternatives).Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
    }

    public Domain Domain { get; }

    public string Name => Domain.Name;

    public IEnumerable<string> ActionNames => _actions.Keys.Order(StringComparer.Ordinal);

    public static DomainModel Create(Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new DomainModel(domain);
    }

    /// <summary>Binds the action's parameters to the plan step's arguments.</summary>
    /// <exception cref="ExecutionModelException">Unknown action or wrong number of arguments.</exception>
    public GroundAction Ground(PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!_actions.TryGetValue(action.Name, out var definition))
        {
            var durative = Domain.DurativeActions.Any(item => item.Name == action.Name);
            throw new ExecutionModelException(durative
                ? $"{action}: durative actions cannot be executed yet"
                : $"{action}: domain \"{Domain.Name}\" has no action \"{action.Name}\"");
        }

        if (definition.Parameters.Count != action.Arguments.Count)
        {
            throw new ExecutionModelException(
                $"{action}: \"{action.Name}\" takes {definition.Parameters.Count} argument(s), got {action.Arguments.Count}");
        }

        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < definition.Parameters.Count; index++)
        {
            bindings[definition.Parameters[index].Name] = action.Arguments[index].ToLowerInvariant();
        }

        return new GroundAction(this, action, definition, bindings);
    }

    /// <summary>True when an object of type <paramref name="objectType"/> may stand where <paramref name="required"/> is asked.</summary>
    public bool IsOfType(string objectType, TypeRef required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return required.Alternatives.Any(alternative => IsSubtype(objectType, alternative, depth: 0));
    }

    /// <summary>The objects a quantifier over <paramref name="type"/> ranges over.</summary>
    public IEnumerable<string> ObjectsOf(TypeRef type, WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Objects.All.Where(item => IsOfType(item.Type, type)).Select(item => item.Name);
    }

    private bool IsSubtype(string type, string ancestor, int depth)
    {
        if (type == ancestor || ancestor == "object")
        {
            return true;
        }

        // Depth guards against a cyclic :types section, which the checker reports but a caller may not have run.
        return depth < 64
            && _parents.TryGetValue(type, out var parents)
            && parents.Any(parent => IsSubtype(parent, ancestor, depth + 1));
    }
}
