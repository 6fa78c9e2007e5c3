namespace RoboLam.Intent;

/// <summary>What "it" and "them" can refer to: the objects the last command was about.</summary>
public sealed class Conversation
{
    public IReadOnlyList<string> Referents { get; private set; } = [];

    public void Remember(IReadOnlyList<string> objects)
    {
        if (objects.Count > 0)
        {
            Referents = objects;
        }
    }

    public void Forget() => Referents = [];
}
