using System.Xml.Linq;

namespace RoboLam.Architecture.Tests;

/// <summary>The layering of ARCHITECTURE.md, enforced on the project files themselves.</summary>
public sealed class ProjectReferenceTests
{
    /// <summary>For each product project, the projects of ours it may reference. The Cli is the only composition root.</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new(StringComparer.Ordinal)
    {
        ["RoboLam.Pddl"] = [],
        ["RoboLam.Planning"] = [],
        ["RoboLam.Translation"] = ["RoboLam.Pddl", "RoboLam.Planning"],
        ["RoboLam.Validation"] = ["RoboLam.Pddl"],
        ["RoboLam.Intent"] = ["RoboLam.Pddl"],
        ["RoboLam.Intent.Training"] = ["RoboLam.Pddl", "RoboLam.Intent"],
        ["RoboLam.Speech"] = [],
        ["RoboLam.Hardware"] = [],
        ["RoboLam.Safety"] = ["RoboLam.Hardware"],
        ["RoboLam.Drivers"] = ["RoboLam.Hardware"],
        ["RoboLam.Sim"] = ["RoboLam.Hardware"],
        ["RoboLam.Runtime"] =
        [
            "RoboLam.Pddl", "RoboLam.Planning", "RoboLam.Translation", "RoboLam.Validation", "RoboLam.Intent",
            "RoboLam.Hardware", "RoboLam.Safety",
        ],
    };

    public static TheoryData<string> ProductProjects() => new(ProjectNames());

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Every_product_project_references_only_the_layers_below_it(string project)
    {
        var references = ReferencedProjects(project);
        if (project == "RoboLam.Cli")
        {
            return;
        }

        Assert.True(
            s_allowed.TryGetValue(project, out var allowed),
            $"{project} is not in the layering table: add it to ARCHITECTURE's table and to this test, with a reason in its README.");
        var forbidden = references.Except(allowed!).ToArray();
        Assert.True(forbidden.Length == 0, $"{project} must not reference {string.Join(", ", forbidden)}.");
    }

    private static string[] ProjectNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Select(directory => Path.GetFileName(directory))
            .Where(project => File.Exists(ProjectFile(project)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string ProjectFile(string project) =>
        Path.Combine(RepositoryRoot.Path, "src", project, project + ".csproj");

    private static string[] ReferencedProjects(string project) =>
        XDocument.Load(ProjectFile(project))
            .Descendants("ProjectReference")
            .Select(element => Path.GetFileNameWithoutExtension(element.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
}
