using RoboLam.Intent.Checking;
using RoboLam.Intent.Grounding;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;
using RoboLam.Pddl.Ast;

namespace RoboLam.Intent;

/// <summary>One conversation about one world in one domain: what every command is grounded and checked against.</summary>
public sealed class IntentSession
{
    private Grounder? _grounder;

    /// <exception cref="WorldFileException">The world is for another domain or uses types the domain lacks.</exception>
    public IntentSession(World world, Domain domain)
    {
        if (!string.Equals(world.DomainName, domain.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorldFileException($"the world is for the domain '{world.DomainName}', but the domain file defines '{domain.Name}'");
        }

        World = world;
        Schema = new DomainSchema(domain);
        var unknownType = world.Objects.FirstOrDefault(item => !Schema.HasType(item.Type));
        if (unknownType is not null)
        {
            throw new WorldFileException(
                $"object '{unknownType.Name}' has the type '{unknownType.Type}', which the {domain.Name} domain does not declare");
        }

        Lexicon = Lexicon.ForDomain(domain.Name);
        SafetyGuard = new SafetyGuard(Lexicon);
    }

    public World World { get; }

    public DomainSchema Schema { get; }

    public Lexicon Lexicon { get; }

    public SafetyGuard SafetyGuard { get; }

    public Conversation Conversation { get; } = new();

    internal Grounder Grounder => _grounder ??= new Grounder(World, Schema, Lexicon);
}
