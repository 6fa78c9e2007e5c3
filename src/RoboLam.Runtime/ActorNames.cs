using System.Text;

namespace RoboLam.Runtime;

/// <summary>Kebab-case actor names that carry the id of what the actor is for, e.g. <c>device-arm1</c>.</summary>
internal static class ActorNames
{
    public static string For(string role, string id)
    {
        var name = new StringBuilder(role.Length + id.Length + 1).Append(role).Append('-');
        foreach (var character in id)
        {
            // Akka allows a limited set of characters in names; anything else becomes '_'.
            name.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' ? char.ToLowerInvariant(character) : '_');
        }

        return name.ToString();
    }
}
