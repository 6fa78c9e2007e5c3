using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RoboLam.Runtime.Controller;

namespace RoboLam.Runtime.Hosting;

/// <summary>Akka.Hosting wiring: the controller as a hosted actor system under Microsoft.Extensions.Hosting.</summary>
public static class RoboLamHosting
{
    /// <summary>
    /// Adds the actor system with the controller (<c>/user/robolam</c>, registered as <see cref="ControllerActor"/>
    /// in the <see cref="ActorRegistry"/>) and its journal: Akka.Persistence.Sql on SQLite when
    /// <see cref="ControllerSetup.JournalPath"/> is set, in memory otherwise.
    /// </summary>
    public static IServiceCollection AddRoboLamController(this IServiceCollection services, ControllerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        return services.AddAkka(setup.SystemName, builder =>
        {
            builder.AddHocon(ActorSystemConfig(setup), HoconAddMode.Prepend);
            builder.WithActors((system, registry) =>
            {
                var controller = system.ActorOf(ControllerActor.Props(setup), "robolam");
                registry.Register<ControllerActor>(controller);
            });
        });
    }

    /// <summary>The HOCON for the journal (and whatever the set-up adds).</summary>
    public static string ActorSystemConfig(ControllerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var journal = setup.JournalPath is null ? InMemoryJournal : SqliteJournal(setup.JournalPath);
        return journal + Environment.NewLine + (setup.ExtraHocon ?? string.Empty);
    }

    private const string InMemoryJournal = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private static string SqliteJournal(string path)
    {
        var connection = $"Data Source={Path.GetFullPath(path)}".Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  connection-string = "{{connection}}"
                  provider-name = "SQLite.MS"
                  auto-initialize = true
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  connection-string = "{{connection}}"
                  provider-name = "SQLite.MS"
                  auto-initialize = true
                }
              }
            }
            """;
    }
}
