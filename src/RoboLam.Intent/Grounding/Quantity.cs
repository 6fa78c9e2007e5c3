namespace RoboLam.Intent.Grounding;

/// <summary>How many things a phrase means: exactly one, any one, all that match, exactly two, or what was said before.</summary>
public enum Quantity
{
    /// <summary>"the red block": exactly one must match, else ask or refuse.</summary>
    Definite,

    /// <summary>"a red block": any one that matches.</summary>
    Indefinite,

    /// <summary>"all red blocks", "every block", "the blocks", "everything".</summary>
    Universal,

    /// <summary>"both green blocks": exactly two.</summary>
    Dual,

    /// <summary>"it", "that one": what the conversation last talked about.</summary>
    Pronoun,

    /// <summary>"them", "all of them".</summary>
    PluralPronoun,
}
