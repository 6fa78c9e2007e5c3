using RoboLam.Intent.Worlds;
using RoboLam.Pddl.Ast;

namespace RoboLam.Intent.Checking;

/// <summary>
/// Delete relaxation over the domain's actions: from the initial facts, apply every action whose positive
/// preconditions hold, adding its add effects and ignoring deletes, until nothing new appears. A goal fact never
/// added can never hold. Negative and disjunctive preconditions are taken as true, so the check only refuses
/// what is truly impossible.
/// </summary>
public sealed class RelaxedReachability : IReachabilityChecker
{
    /// <summary>Beyond this many parameter bindings for one action the check gives up and calls everything reachable.</summary>
    private const int BindingLimit = 200_000;

    public IReadOnlyList<Fact> Unreachable(DomainSchema schema, World world, IReadOnlyCollection<Fact> initialFacts, IReadOnlyList<Fact> goal)
    {
        var objects = world.Objects.Select(item => (item.Name, item.Type))
            .Concat(schema.Constants.Select(constant => (constant.Key, constant.Value.Alternatives[0])))
            .ToList();
        var actions = schema.Domain.Actions.Select(action => new RelaxedAction(action.Parameters, action.Precondition, action.Effect))
            .Concat(schema.Domain.DurativeActions.Select(action => new RelaxedAction(action.Parameters, action.Condition, action.Effect)))
            .ToList();
        var reached = new FactIndex(initialFacts);
        var changed = true;
        while (changed && !goal.All(reached.Contains))
        {
            changed = false;
            foreach (var action in actions)
            {
                var added = action.Apply(schema, objects, reached, BindingLimit);
                if (added is null)
                {
                    return [];
                }

                foreach (var fact in added)
                {
                    changed |= reached.Add(fact);
                }
            }
        }

        return goal.Where(fact => !reached.Contains(fact)).ToList();
    }

    /// <summary>Facts by predicate, for matching preconditions.</summary>
    private sealed class FactIndex
    {
        private readonly HashSet<Fact> _facts = [];
        private readonly Dictionary<string, List<Fact>> _byPredicate = new(StringComparer.Ordinal);

        public FactIndex(IEnumerable<Fact> facts)
        {
            foreach (var fact in facts)
            {
                Add(fact);
            }
        }

        public bool Contains(Fact fact) => _facts.Contains(fact);

        public IReadOnlyList<Fact> With(string predicate) => _byPredicate.TryGetValue(predicate, out var facts) ? facts : [];

        public bool Add(Fact fact)
        {
            if (!_facts.Add(fact))
            {
                return false;
            }

            if (!_byPredicate.TryGetValue(fact.Predicate, out var list))
            {
                list = [];
                _byPredicate[fact.Predicate] = list;
            }

            list.Add(fact);
            return true;
        }
    }

    /// <summary>An action seen through the relaxation: its positive precondition atoms and its add effects.</summary>
    private sealed class RelaxedAction
    {
        private readonly Seq<TypedName> _parameters;
        private readonly List<Atom> _preconditions = [];
        private readonly List<(Atom Atom, IReadOnlyList<TypedName> Variables)> _adds = [];

        public RelaxedAction(Seq<TypedName> parameters, Condition? precondition, Effect? effect)
        {
            _parameters = parameters;
            CollectPositive(precondition);
            CollectAdds(effect, []);
        }

        /// <summary>The facts this action adds under every binding that the reached facts allow; null past the limit.</summary>
        public List<Fact>? Apply(DomainSchema schema, List<(string Name, string Type)> objects, FactIndex reached, int limit)
        {
            var added = new List<Fact>();
            var bindings = 0;
            var binding = new Dictionary<string, string>(StringComparer.Ordinal);
            var types = _parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Type, StringComparer.Ordinal);
            var complete = Bind(0);
            return complete ? added : null;

            bool Bind(int atom)
            {
                if (atom == _preconditions.Count)
                {
                    return BindFree(0);
                }

                var pattern = _preconditions[atom];
                foreach (var fact in reached.With(pattern.Predicate))
                {
                    var bound = new List<string>();
                    if (Unify(pattern, fact, bound) && !Bind(atom + 1))
                    {
                        return false;
                    }

                    bound.ForEach(name => binding.Remove(name));
                }

                return true;
            }

            bool BindFree(int index)
            {
                while (index < _parameters.Count && binding.ContainsKey(_parameters[index].Name))
                {
                    index++;
                }

                if (index == _parameters.Count)
                {
                    if (++bindings > limit)
                    {
                        return false;
                    }

                    AddEffects();
                    return true;
                }

                var parameter = _parameters[index];
                foreach (var (name, type) in objects.Where(item => schema.Fits(item.Type, parameter.Type)))
                {
                    binding[parameter.Name] = name;
                    if (!BindFree(index + 1))
                    {
                        return false;
                    }
                }

                binding.Remove(parameter.Name);
                return true;
            }

            bool Unify(Atom pattern, Fact fact, List<string> bound)
            {
                if (pattern.Arguments.Count != fact.Arguments.Count)
                {
                    return false;
                }

                for (var index = 0; index < pattern.Arguments.Count; index++)
                {
                    var value = fact.Arguments[index];
                    switch (pattern.Arguments[index])
                    {
                        case NameTerm name when name.Name != value:
                            return false;
                        case VariableTerm variable when binding.TryGetValue(variable.Name, out var existing):
                            if (existing != value)
                            {
                                return false;
                            }

                            break;
                        case VariableTerm variable:
                            var objectType = objects.FirstOrDefault(item => item.Name == value).Type;
                            if (types.TryGetValue(variable.Name, out var type) && (objectType is null || !schema.Fits(objectType, type)))
                            {
                                return false;
                            }

                            binding[variable.Name] = value;
                            bound.Add(variable.Name);
                            break;
                    }
                }

                return true;
            }

            void AddEffects()
            {
                foreach (var (atom, variables) in _adds)
                {
                    foreach (var extra in Assignments(variables, 0, new Dictionary<string, string>(StringComparer.Ordinal)))
                    {
                        var arguments = atom.Arguments.Select(term => term switch
                        {
                            NameTerm name => name.Name,
                            VariableTerm variable => binding.GetValueOrDefault(variable.Name) ?? extra.GetValueOrDefault(variable.Name),
                            _ => null,
                        }).ToArray();
                        if (arguments.All(argument => argument is not null))
                        {
                            added.Add(Fact.Of(atom.Predicate, arguments!));
                        }
                    }
                }
            }

            IEnumerable<Dictionary<string, string>> Assignments(IReadOnlyList<TypedName> variables, int index, Dictionary<string, string> assignment)
            {
                if (index == variables.Count)
                {
                    yield return assignment;
                    yield break;
                }

                foreach (var (name, type) in objects.Where(item => schema.Fits(item.Type, variables[index].Type)))
                {
                    var next = new Dictionary<string, string>(assignment, StringComparer.Ordinal) { [variables[index].Name] = name };
                    foreach (var result in Assignments(variables, index + 1, next))
                    {
                        yield return result;
                    }
                }
            }
        }

        private void CollectPositive(Condition? condition)
        {
            switch (condition)
            {
                case AtomCondition atom:
                    _preconditions.Add(atom.Atom);
                    break;
                case AndCondition and:
                    foreach (var operand in and.Operands)
                    {
                        CollectPositive(operand);
                    }

                    break;
                case TimedCondition timed:
                    CollectPositive(timed.Body);
                    break;
            }
        }

        private void CollectAdds(Effect? effect, IReadOnlyList<TypedName> variables)
        {
            switch (effect)
            {
                case AtomEffect { IsDelete: false } atom:
                    _adds.Add((atom.Atom, variables));
                    break;
                case AndEffect and:
                    foreach (var part in and.Effects)
                    {
                        CollectAdds(part, variables);
                    }

                    break;
                case ForAllEffect forAll:
                    CollectAdds(forAll.Body, [.. variables, .. forAll.Variables]);
                    break;
                case WhenEffect conditional:
                    CollectAdds(conditional.Body, variables);
                    break;
                case TimedEffect timed:
                    CollectAdds(timed.Body, variables);
                    break;
            }
        }
    }
}
