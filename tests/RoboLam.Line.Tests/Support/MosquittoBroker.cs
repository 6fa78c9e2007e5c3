using System.Diagnostics;
using RoboLam.Cli.Line;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Line.Tests.Support;

/// <summary>
/// A real Mosquitto (installed by .ci/run) on two free loopback ports: plain and TLS (certificates made here), with a
/// password file and the protocol's ACL. Stop and start it again on the same ports to test a broker restart.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = MosquittoSetup.Executable;

    private readonly string _directory;
    private readonly string _configuration;
    private Process? _process;

    private MosquittoBroker(string directory, string configuration, int port, int tlsPort, string caFile)
    {
        _directory = directory;
        _configuration = configuration;
        Port = port;
        TlsPort = tlsPort;
        CaFile = caFile;
    }

    public int Port { get; }

    public int TlsPort { get; }

    public string CaFile { get; }

    public BrokerAddress PlainAddress => new("127.0.0.1", Port, UseTls: false);

    public BrokerAddress TlsAddress => new("127.0.0.1", TlsPort, UseTls: true) { CaCertificateFile = CaFile };

    public static async Task<MosquittoBroker> StartAsync(IReadOnlyDictionary<string, string> users, TopicPermissions permissions)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package mosquitto (.ci/run does)");
        }

        var directory = Directory.CreateTempSubdirectory("robolam-mosquitto-").FullName;
        var (passwords, acl) = await MosquittoSetup.WriteAccessFilesAsync(directory, users, permissions);
        var (caFile, certificateFile, keyFile) = TestCertificates.Write(directory);
        var port = EmbeddedBroker.FreeLoopbackPort();
        var tlsPort = EmbeddedBroker.FreeLoopbackPort();
        var configuration = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(configuration, $"""
            per_listener_settings false
            allow_anonymous false
            password_file {passwords}
            acl_file {acl}
            persistence false
            log_dest none
            listener {port} 127.0.0.1
            listener {tlsPort} 127.0.0.1
            cafile {caFile}
            certfile {certificateFile}
            keyfile {keyFile}

            """);
        MosquittoSetup.OpenToBrokerUser(directory);

        var broker = new MosquittoBroker(directory, configuration, port, tlsPort, caFile);
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>Kills the broker: clients see the connection drop, sessions and retained messages are gone.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    public async Task RestartAsync() =>
        _process ??= await MosquittoSetup.StartAsync(_configuration, [Port, TlsPort]);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
