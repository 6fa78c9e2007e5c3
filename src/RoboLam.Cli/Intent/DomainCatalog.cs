using RoboLam.Intent.Frames;
using RoboLam.Intent.Generation;
using RoboLam.Intent.Lexicons;
using RoboLam.Pddl;
using RoboLam.Pddl.Ast;

namespace RoboLam.Cli.Intent;

/// <summary>Finds and loads the PDDL domain a world names: <c>domains/NAME/domain.pddl</c>.</summary>
internal static class DomainCatalog
{
    /// <summary>The domain file for <paramref name="name"/>, under <paramref name="domainsFolder"/> or above the working folder.</summary>
    public static string? Find(string name, string? domainsFolder, params string[] startFolders)
    {
        var relative = Path.Combine(name, "domain.pddl");
        if (domainsFolder is not null)
        {
            var path = Path.Combine(domainsFolder, relative);
            return File.Exists(path) ? path : null;
        }

        return RepositoryPaths.FindAbove(Path.Combine("domains", relative), startFolders);
    }

    /// <summary>Parses a domain file; on errors returns null and says why in <paramref name="problem"/>.</summary>
    public static Domain? Load(string path, out string problem)
    {
        problem = string.Empty;
        var result = PddlParser.LoadDomain(path);
        if (result.HasErrors || result.Value is null)
        {
            problem = string.Join(Environment.NewLine, result.Diagnostics.Select(diagnostic => diagnostic.ToString()));
            return null;
        }

        return result.Value;
    }

    /// <summary>
    /// The actions each shipped domain can do, from its PDDL file when one is found, else from its lexicon
    /// (said on <paramref name="output"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<ActionKind>> SupportedKindsByDomain(string? domainsFolder, TextWriter output)
    {
        var fromLexicons = TrainingSentenceGenerator.LexiconDomains();
        var result = new Dictionary<string, IReadOnlySet<ActionKind>>(StringComparer.Ordinal);
        foreach (var name in Lexicon.ShippedDomains)
        {
            var path = Find(name, domainsFolder);
            var domain = path is null ? null : Load(path, out _);
            if (domain is null)
            {
                output.WriteLine($"  {name}: no readable domains/{name}/domain.pddl; using the actions its lexicon names");
                result[name] = fromLexicons[name];
                continue;
            }

            result[name] = GoalVocabulary.SupportedKinds(domain);
            output.WriteLine($"  {name}: actions from {path}: {string.Join(", ", result[name].Order())}");
        }

        return result;
    }
}
