using RoboLam.Planning.States;
using RoboLam.Planning.Tasks;

namespace RoboLam.Planning.Successors;

/// <summary>
/// A decision tree over precondition facts (after Fast Downward's successor generator, for binary facts). Each node
/// tests one fact: operators that need it sit below the "true" child, the others below the "don't care" child,
/// and operators with no precondition left are listed at the node. A state visits the "true" child only when the
/// fact holds, so whole groups of operators are skipped by one bit test. Nodes are stored in flat arrays.
/// </summary>
internal sealed class DecisionTreeOperatorFinder : IApplicableOperatorFinder
{
    private const int NoNode = -1;

    private readonly List<int> _nodeFact = [];
    private readonly List<int> _nodeTrue = [];
    private readonly List<int> _nodeDontCare = [];
    private readonly List<int> _nodeOperatorStart = [];
    private readonly List<int> _nodeOperatorEnd = [];
    private readonly List<int> _operatorList = [];
    private readonly int[] _fact;
    private readonly int[] _trueChild;
    private readonly int[] _dontCareChild;
    private readonly int[] _operatorStart;
    private readonly int[] _operatorEnd;
    private readonly int[] _operators;
    private readonly int _root;
    private int[] _stack = new int[64];

    public DecisionTreeOperatorFinder(SearchTask task)
    {
        var preconditionStart = task.PreconditionStart;
        var all = new List<(int Operator, int Position)>(task.OperatorCount);
        for (var op = 0; op < task.OperatorCount; op++)
        {
            all.Add((op, preconditionStart[op]));
        }

        _root = Build(task, all);
        _fact = [.. _nodeFact];
        _trueChild = [.. _nodeTrue];
        _dontCareChild = [.. _nodeDontCare];
        _operatorStart = [.. _nodeOperatorStart];
        _operatorEnd = [.. _nodeOperatorEnd];
        _operators = [.. _operatorList];
    }

    public void Find(ReadOnlySpan<ulong> state, List<int> result)
    {
        result.Clear();
        if (_root == NoNode)
        {
            return;
        }

        var stack = _stack;
        var top = 0;
        stack[top++] = _root;
        while (top > 0)
        {
            var node = stack[--top];
            while (node != NoNode)
            {
                for (var position = _operatorStart[node]; position < _operatorEnd[node]; position++)
                {
                    result.Add(_operators[position]);
                }

                var fact = _fact[node];
                if (fact < 0)
                {
                    break;
                }

                if (PackedState.Contains(state, fact) && _trueChild[node] != NoNode)
                {
                    if (top == stack.Length)
                    {
                        Array.Resize(ref _stack, stack.Length * 2);
                        stack = _stack;
                    }

                    stack[top++] = _trueChild[node];
                }

                node = _dontCareChild[node];
            }
        }
    }

    /// <summary>Builds the chain of nodes for a group; recursion only descends into "true" children, so its depth is bounded by the longest precondition.</summary>
    private int Build(SearchTask task, List<(int Operator, int Position)> group)
    {
        var preconditionStart = task.PreconditionStart;
        var facts = task.PreconditionFacts;
        var first = NoNode;
        var previous = NoNode;
        var current = group;
        while (current.Count > 0)
        {
            var node = _nodeFact.Count;
            _nodeFact.Add(-1);
            _nodeTrue.Add(NoNode);
            _nodeDontCare.Add(NoNode);
            _nodeOperatorStart.Add(_operatorList.Count);
            var minimumFact = int.MaxValue;
            foreach (var (op, position) in current)
            {
                if (position == preconditionStart[op + 1])
                {
                    _operatorList.Add(op);
                }
                else
                {
                    minimumFact = Math.Min(minimumFact, facts[position]);
                }
            }

            _nodeOperatorEnd.Add(_operatorList.Count);
            if (previous == NoNode)
            {
                first = node;
            }
            else
            {
                _nodeDontCare[previous] = node;
            }

            previous = node;
            if (minimumFact == int.MaxValue)
            {
                break;
            }

            var trueGroup = new List<(int Operator, int Position)>();
            var rest = new List<(int Operator, int Position)>();
            foreach (var (op, position) in current)
            {
                if (position == preconditionStart[op + 1])
                {
                    continue;
                }

                if (facts[position] == minimumFact)
                {
                    trueGroup.Add((op, position + 1));
                }
                else
                {
                    rest.Add((op, position));
                }
            }

            _nodeFact[node] = minimumFact;
            _nodeTrue[node] = Build(task, trueGroup);
            current = rest;
        }

        return first;
    }
}
