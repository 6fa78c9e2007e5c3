using System.Diagnostics;
using System.Globalization;
using RoboLam.Cli.Simulation;

namespace RoboLam.Cli.Operator;

/// <summary>
/// <c>robolam serve --bench N</c>: N rounds, each on a fresh cell behind the embedded broker, through a real MQTT
/// client as the operator: the scenario's command in words, timed to the first PCA9685 write; then, with the arm
/// moving, an e-stop, timed to the arm's running command being cut (the driver reports it stopped) and to the last PCA9685 write (the arm at
/// rest; arm4's category 1 stop decelerates for 0.2 s of virtual time first). All times are real (wall) time.
/// </summary>
internal static class OperatorBench
{
    public static int Run(ScenarioInputs inputs, OperatorServiceOptions options, int rounds, TextWriter output) =>
        RunAsync(inputs, options, rounds, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(ScenarioInputs inputs, OperatorServiceOptions options, int rounds, TextWriter output)
    {
        var words = inputs.Scenario.Command ?? "put the red block in the bin";
        var toFirstWrite = new List<double>();
        var toCut = new List<double>();
        var toRest = new List<double>();
        output.WriteLine($"{rounds} round(s): \"{words}\" over MQTT, then an e-stop over MQTT while the arm moves");
        // Round 0 warms the process up (JIT, the intent model's first inference) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            await using var service = await OperatorService.StartAsync(inputs, options with { Port = 0, External = null }, TextWriter.Null).ConfigureAwait(false);
            var topics = service.Listener.Topics;
            await using var commander = await OperatorClient.ConnectAsync(service.OperatorAddress, topics, CancellationToken.None).ConfigureAwait(false);
            await using var stopper = await OperatorClient.ConnectAsync(service.OperatorAddress, topics, CancellationToken.None).ConfigureAwait(false);
            var cell = service.Cell.Arm.Cell;
            var firstWrite = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            long lastWrite = 0;
            long cut = 0;
            cell.Rig.ServoBoard.ChannelsChanged += _ =>
            {
                var now = Stopwatch.GetTimestamp();
                Volatile.Write(ref lastWrite, now);
                firstWrite.TrySetResult(now);
            };
            cell.Hardware.Arm.Feedback += (_, feedback) =>
            {
                if (feedback.Status == RoboLam.Hardware.Contracts.FeedbackStatus.Stopped)
                {
                    Interlocked.CompareExchange(ref cut, Stopwatch.GetTimestamp(), 0);
                }
            };

            var sent = Stopwatch.GetTimestamp();
            var answers = Drain(commander.RequestAsync(topics.Command, words, TimeSpan.FromMinutes(1)));
            var first = await firstWrite.Task.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            toFirstWrite.Add(Stopwatch.GetElapsedTime(sent, first).TotalMilliseconds);

            // Half a second of virtual time into the first motion: the clock runs fast, so spin rather than sleep.
            var midMotion = cell.Rig.Clock.Elapsed + TimeSpan.FromMilliseconds(500);
            while (cell.Rig.Clock.Elapsed < midMotion)
            {
                Thread.SpinWait(100);
            }

            var stopSent = Stopwatch.GetTimestamp();
            await Drain(stopper.RequestAsync(topics.EmergencyStop, "bench", TimeSpan.FromSeconds(30))).ConfigureAwait(false);
            await answers.ConfigureAwait(false);
            while (cell.IsMoving || Stopwatch.GetElapsedTime(Volatile.Read(ref lastWrite)) < TimeSpan.FromMilliseconds(300))
            {
                await Task.Delay(10).ConfigureAwait(false);
            }

            if (round == 0)
            {
                toFirstWrite.Clear();
                continue;
            }

            toCut.Add(Stopwatch.GetElapsedTime(stopSent, Interlocked.Read(ref cut)).TotalMilliseconds);
            // No write after the e-stop (the arm was between samples with nothing to decelerate): at rest at once.
            toRest.Add(Math.Max(0, Stopwatch.GetElapsedTime(stopSent, Volatile.Read(ref lastWrite)).TotalMilliseconds));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: first write {toFirstWrite[^1]:0.0} ms, motion cut {toCut[^1]:0.00} ms, at rest {toRest[^1]:0.0} ms"));
        }

        output.WriteLine(Line("words over MQTT → first PCA9685 write (intent, planning, dispatch included)", toFirstWrite));
        output.WriteLine(Line("e-stop over MQTT → the arm's running command cut (stopped)", toCut));
        output.WriteLine(Line("e-stop over MQTT → last PCA9685 write, arm at rest (0.2 s virtual deceleration)", toRest));
        return ExitCodes.Success;
    }

    private static async Task Drain(IAsyncEnumerable<OperatorReply> replies)
    {
        await foreach (var _ in replies.ConfigureAwait(false))
        {
        }
    }

    private static string Line(string what, List<double> values)
    {
        values.Sort();
        double At(double percent) => values[(int)Math.Min(values.Count - 1, Math.Ceiling(percent / 100 * values.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {At(50):0.00} ms, p95 {At(95):0.00} ms, max {values[^1]:0.00} ms ({values.Count} rounds)");
    }
}
