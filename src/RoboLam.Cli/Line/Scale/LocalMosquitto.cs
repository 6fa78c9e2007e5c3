using System.Diagnostics;
using System.Net.Sockets;
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
    public const string Executable = "/usr/sbin/mosquitto";
    private const string PasswordTool = "/usr/bin/mosquitto_passwd";

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
        if (!File.Exists(Executable) || !File.Exists(PasswordTool))
        {
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package mosquitto, or give --broker mqtt://host:port");
        }

        var directory = Directory.CreateTempSubdirectory("robolam-scale-mosquitto-").FullName;
        var passwords = Path.Combine(directory, "passwd");
        await File.WriteAllLinesAsync(passwords, users.Select(pair => $"{pair.Key}:{pair.Value}"), cancellationToken).ConfigureAwait(false);
        await RunAsync(PasswordTool, ["-U", passwords], cancellationToken).ConfigureAwait(false);
        var acl = Path.Combine(directory, "acl");
        await File.WriteAllTextAsync(acl, permissions.MosquittoAcl(), cancellationToken).ConfigureAwait(false);
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

        // Started as root, Mosquitto drops to the user "mosquitto": what it reads must be readable by others.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            foreach (var file in Directory.GetFiles(directory))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        var process = Process.Start(new ProcessStartInfo(Executable, ["-c", configuration]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("mosquitto did not start");
        var broker = new LocalMosquitto(directory, process, port);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Listening(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = process.HasExited ? await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : "no answer within 10 s";
                broker.Dispose();
                throw new InvalidOperationException($"mosquitto did not start on port {port}: {why.Trim()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return broker;
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

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {(await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim()}");
        }
    }
}
