using System.Diagnostics;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Cli.Line.Scale;

/// <summary>
/// A Mosquitto 2 that the scale run starts itself (<c>--broker mosquitto</c>): on a free loopback port, with a
/// password file for the given users, the protocol's ACL (<see cref="TopicPermissions.MosquittoAcl"/>), no
/// persistence. Killed and its files deleted on dispose.
/// </summary>
internal sealed class LocalMosquitto : IDisposable
{
    private readonly string _directory;
    private readonly Process _process;

    private LocalMosquitto(string directory, Process process, int port)
    {
        _directory = directory;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public BrokerAddress Address => new("127.0.0.1", Port, UseTls: false);

    /// <summary>Peak resident memory of the broker process so far (VmHWM), or null when it cannot be read.</summary>
    public long? PeakWorkingSet => ProcessFigures.PeakWorkingSet(_process.Id);

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <exception cref="InvalidOperationException">Mosquitto is not installed or does not start; the message says which.</exception>
    public static async Task<LocalMosquitto> StartAsync(IReadOnlyDictionary<string, string> users, TopicPermissions permissions, CancellationToken cancellationToken)
    {
        if (!File.Exists(MosquittoSetup.Executable) || !File.Exists(MosquittoSetup.PasswordTool))
        {
            throw new InvalidOperationException($"{MosquittoSetup.Executable} is missing: install the Debian package mosquitto, or give --broker mqtt://host:port");
        }

        var directory = Directory.CreateTempSubdirectory("robolam-scale-mosquitto-").FullName;
        var (passwords, acl) = await MosquittoSetup.WriteAccessFilesAsync(directory, users, permissions, cancellationToken).ConfigureAwait(false);
        var port = EmbeddedBroker.FreeLoopbackPort();
        var configuration = Path.Combine(directory, "mosquitto.conf");

        // set_tcp_nodelay: with Nagle's algorithm on (Mosquitto's default) a small packet behind an unacknowledged
        // one waits for the peer's delayed ACK, about 40 ms on Linux; every answer of the protocol is a small packet.
        // max_queued_messages: a cell's controller client receives for ten devices at once.
        await File.WriteAllTextAsync(configuration, $"""
            per_listener_settings false
            allow_anonymous false
            password_file {passwords}
            acl_file {acl}
            persistence false
            log_dest none
            max_queued_messages 10000
            set_tcp_nodelay true
            listener {port} 127.0.0.1

            """, cancellationToken).ConfigureAwait(false);
        MosquittoSetup.OpenToBrokerUser(directory);
        try
        {
            var process = await MosquittoSetup.StartAsync(configuration, [port], cancellationToken).ConfigureAwait(false);
            return new LocalMosquitto(directory, process, port);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
