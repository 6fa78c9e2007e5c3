using RoboLam.Validation.Semantics;

namespace RoboLam.Validation.Tests;

public class GroundAtomTests
{
    [Fact]
    public void Atoms_with_more_than_four_arguments_compare_every_argument()
    {
        var atom = new GroundAtom(3, [1, 2, 3, 4, 5, 6]);

        Assert.Equal(atom, new GroundAtom(3, [1, 2, 3, 4, 5, 6]));
        Assert.Equal(atom.GetHashCode(), new GroundAtom(3, [1, 2, 3, 4, 5, 6]).GetHashCode());
        Assert.NotEqual(atom, new GroundAtom(3, [1, 2, 3, 4, 5, 7]));
        Assert.NotEqual(atom, new GroundAtom(3, [1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Atoms_differ_by_predicate_and_by_arity()
    {
        Assert.NotEqual(new GroundAtom(1, [0]), new GroundAtom(2, [0]));
        Assert.NotEqual(new GroundAtom(1, []), new GroundAtom(1, [0]));
        Assert.Equal(new GroundAtom(1, []), new GroundAtom(1, []));
    }
}
