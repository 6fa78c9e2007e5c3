using System.Diagnostics;
using System.Net.Sockets;
using RoboLam.Hardware.Mqtt;

namespace RoboLam.Cli.Line;

/// <summary>
/// What every Mosquitto 2 that RoboLam starts itself needs (the scale run's, the tests'): a password file and the
/// protocol's ACL in a folder the broker can read, and a wait until it listens. The configuration file is the caller's.
/// </summary>
internal static class MosquittoSetup
{
    public const string Executable = "/usr/sbin/mosquitto";
    public const string PasswordTool = "/usr/bin/mosquitto_passwd";

    /// <summary>Writes <c>passwd</c> (hashed by mosquitto_passwd) and <c>acl</c> into the folder; returns their paths.</summary>
    public static async Task<(string Passwords, string Acl)> WriteAccessFilesAsync(
        string directory, IReadOnlyDictionary<string, string> users, TopicPermissions permissions, CancellationToken cancellationToken = default)
    {
        var passwords = Path.Combine(directory, "passwd");
        await File.WriteAllLinesAsync(passwords, users.Select(pair => $"{pair.Key}:{pair.Value}"), cancellationToken).ConfigureAwait(false);
        await RunToolAsync(PasswordTool, ["-U", passwords], cancellationToken).ConfigureAwait(false);
        var acl = Path.Combine(directory, "acl");
        await File.WriteAllTextAsync(acl, permissions.MosquittoAcl(), cancellationToken).ConfigureAwait(false);
        return (passwords, acl);
    }

    /// <summary>Started as root, Mosquitto drops to the user "mosquitto": what it reads must be readable by others.</summary>
    public static void OpenToBrokerUser(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in Directory.GetFiles(directory))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    /// <summary>Starts Mosquitto on the configuration and returns once every port listens.</summary>
    /// <exception cref="InvalidOperationException">It exited, or did not listen within 10 s; the message says which.</exception>
    public static async Task<Process> StartAsync(string configuration, IReadOnlyList<int> ports, CancellationToken cancellationToken = default)
    {
        var process = Process.Start(new ProcessStartInfo(Executable, ["-c", configuration]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!ports.All(Listening))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = process.HasExited ? await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : "no answer within 10 s";
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
                throw new InvalidOperationException($"mosquitto did not start on port {string.Join('/', ports)}: {why.Trim()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return process;
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

    private static async Task RunToolAsync(string program, string[] arguments, CancellationToken cancellationToken)
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
