using System.Diagnostics;
using System.Net.Sockets;
using RoboLam.Hardware.Mqtt;
using RoboLam.Sim.Mqtt;

namespace RoboLam.Line.Tests.Support;

/// <summary>
/// A real Mosquitto (installed by .ci/run) on two free loopback ports: plain and TLS (certificates made here), with a
/// password file and the protocol's ACL. Stop and start it again on the same ports to test a broker restart.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

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
        var passwords = Path.Combine(directory, "passwd");
        foreach (var (user, password) in users)
        {
            Run("/usr/bin/mosquitto_passwd", File.Exists(passwords) ? ["-b", passwords, user, password] : ["-c", "-b", passwords, user, password]);
        }

        var acl = Path.Combine(directory, "acl");
        await File.WriteAllTextAsync(acl, permissions.MosquittoAcl());
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

        // Run as root, Mosquitto drops to user "mosquitto": everything it reads must be readable by others.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the Mosquitto tests run on Linux");
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in Directory.GetFiles(directory))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

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

    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var start = new ProcessStartInfo(Executable, ["-c", _configuration]) { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(Listening(Port) && Listening(TlsPort)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var errors = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "no answer within 10 s";
                throw new InvalidOperationException($"mosquitto did not start on ports {Port}/{TlsPort}: {errors}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Run(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
