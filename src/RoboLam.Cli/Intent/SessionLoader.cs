using RoboLam.Intent;
using RoboLam.Intent.Worlds;
using RoboLam.Pddl.Ast;

namespace RoboLam.Cli.Intent;

/// <summary>Loads a world and its domain into a session, turning each kind of failure into its exit code and message.</summary>
internal static class SessionLoader
{
    public static (IntentSession? Session, int ExitCode, string Problem) Load(string worldPath, string? domainPath)
    {
        World world;
        try
        {
            world = WorldLoader.Load(worldPath);
        }
        catch (WorldFileException exception)
        {
            return (null, exception.IsUnreadable ? ExitCodes.FileError : ExitCodes.ConfigurationError, exception.Message);
        }

        var (domain, code, problem) = LoadDomain(world.DomainName, domainPath, Path.GetDirectoryName(Path.GetFullPath(worldPath))!);
        if (domain is null)
        {
            return (null, code, problem);
        }

        try
        {
            return (new IntentSession(world, domain), ExitCodes.Success, string.Empty);
        }
        catch (Exception exception) when (exception is WorldFileException or ArgumentException)
        {
            return (null, ExitCodes.ConfigurationError, $"{worldPath}: {exception.Message}");
        }
    }

    public static (Domain? Domain, int ExitCode, string Problem) LoadDomain(string name, string? domainPath, string worldFolder)
    {
        var path = domainPath ?? DomainCatalog.Find(name, null, worldFolder);
        if (path is null || !File.Exists(path))
        {
            return (null, ExitCodes.FileError, path is null
                ? $"no domain file for '{name}': looked for domains/{name}/domain.pddl above the world, the working folder and the program; name one with --domain FILE"
                : $"{path}: no such domain file");
        }

        var domain = DomainCatalog.Load(path, out var problem);
        return domain is null ? (null, ExitCodes.PddlError, problem) : (domain, ExitCodes.Success, string.Empty);
    }
}
