using System.Globalization;
using System.Net;
using System.Text;
using RoboLam.Hardware.Description;
using RoboLam.Sim.World;

namespace RoboLam.Cli.Simulation;

/// <summary>
/// A self-contained HTML page of a run (inline SVG, no scripts, no external files): a timeline of actions, faults
/// and safety stops, and the arm and table from above and from the front at the key moments.
/// </summary>
internal static class RunPicture
{
    private const int MaxMoments = 12;
    private const double Scale = 400; // pixels per metre

    public static void Write(string path, string title, SimulationResult result, RobotDescription robot, TabletopWorld startWorld)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>");
        html.Append("<style>body{font-family:sans-serif;margin:1em}figure{display:inline-block;margin:.4em;border:1px solid #ccc;padding:.3em}")
            .Append("figcaption{font-size:12px;max-width:520px}svg text{font-size:10px}</style></head><body>");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>");
        html.Append("<p>goal: <code>").Append(Encode(string.Join(' ', result.Goal))).Append("</code> &middot; exit code <b>")
            .Append(result.ExitCode).Append("</b> &middot; ").Append(Encode(result.Outcome?.Summary ?? "time limit")).Append("</p>");
        html.Append("<p>final table: <code>").Append(Encode(string.Join(' ', result.FinalFacts))).Append("</code></p>");
        html.Append(F($"<p>{result.Speed.Virtual.TotalSeconds:0.0} s of virtual time in {result.Speed.Real.TotalSeconds:0.00} s of real time</p>"));
        html.Append("<h2>Timeline</h2>").Append(Timeline(result.Trace));
        html.Append("<h2>Key moments (top view and front view)</h2>");
        foreach (var moment in KeyMoments(result.Trace.Snapshots))
        {
            html.Append("<figure>").Append(TopView(moment, robot, startWorld)).Append(FrontView(moment, robot, startWorld));
            html.Append(F($"<figcaption>t = {moment.At.TotalSeconds:0.00} s: ")).Append(Encode(moment.Label)).Append("</figcaption></figure>");
        }

        html.Append("</body></html>");
        File.WriteAllText(path, html.ToString());
    }

    private static IEnumerable<CellSnapshot> KeyMoments(IReadOnlyList<CellSnapshot> snapshots)
    {
        if (snapshots.Count <= MaxMoments)
        {
            return snapshots;
        }

        // Always the first, the last and every fault; fill the rest evenly.
        var must = snapshots.Where((snapshot, index) => index == 0 || index == snapshots.Count - 1 || snapshot.Label.StartsWith("fault", StringComparison.Ordinal)).ToList();
        var others = snapshots.Except(must).ToList();
        var room = Math.Max(0, MaxMoments - must.Count);
        var picked = Enumerable.Range(0, room).Select(index => others[index * others.Count / Math.Max(1, room)]);
        return must.Concat(picked).Distinct().OrderBy(snapshot => snapshot.At);
    }

    private static string Timeline(RunTrace trace)
    {
        var events = trace.Events.OrderBy(item => item.At).ToArray();
        var end = Math.Max(1, events.Length == 0 ? 1 : events[^1].At.TotalSeconds);
        const int Width = 1000;
        const int Left = 10;
        const int LabelRoom = 180;
        double X(double seconds) => Left + (seconds / end * (Width - LabelRoom));
        var svg = new StringBuilder();
        var rows = ActionRows(events, end);
        var height = 30 + (rows.Count * 18) + 30;
        svg.Append(F($"<svg width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(F($"<line x1=\"{Left}\" y1=\"20\" x2=\"{X(end):0.#}\" y2=\"20\" stroke=\"#888\"/>"));
        for (var second = 0; second <= end; second += Math.Max(1, (int)(end / 10)))
        {
            svg.Append(F($"<line x1=\"{X(second):0.#}\" y1=\"16\" x2=\"{X(second):0.#}\" y2=\"24\" stroke=\"#888\"/><text x=\"{X(second) + 2:0.#}\" y=\"12\">{second} s</text>"));
        }

        for (var index = 0; index < rows.Count; index++)
        {
            var (label, from, to, colour) = rows[index];
            var y = 30 + (index * 18);
            svg.Append(F($"<rect x=\"{X(from):0.#}\" y=\"{y}\" width=\"{Math.Max(2, X(to) - X(from)):0.#}\" height=\"14\" fill=\"{colour}\"><title>{Encode(label)}</title></rect>"));
            svg.Append(F($"<text x=\"{X(to) + 4:0.#}\" y=\"{y + 11}\">{Encode(label)}</text>"));
        }

        foreach (var item in events.Where(item => item.Kind is "fault" or "safety-stop" or "replan"))
        {
            var colour = item.Kind == "replan" ? "#36c" : "#c00";
            svg.Append(F($"<line x1=\"{X(item.At.TotalSeconds):0.#}\" y1=\"20\" x2=\"{X(item.At.TotalSeconds):0.#}\" y2=\"{height - 12}\" stroke=\"{colour}\" stroke-dasharray=\"4 2\"><title>{Encode(item.Text)}</title></line>"));
            svg.Append(F($"<text x=\"{X(item.At.TotalSeconds) + 2:0.#}\" y=\"{height - 2}\" fill=\"{colour}\">{Encode(item.Kind)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// One bar per action as the arm ran it: from its first command to the end of its last one; green when the
    /// controller confirmed its effects, red when it failed, orange when it never ended.
    /// </summary>
    private static List<(string Label, double From, double To, string Colour)> ActionRows(TraceEvent[] events, double end)
    {
        var rows = new List<(string Label, double From, double To, string Colour)>();
        foreach (var started in events.Where(item => item.Kind == "action"))
        {
            var id = started.Data["actionId"] as string ?? string.Empty;
            var last = events.Where(item => item.Kind == "outcome" && item.Data["id"] is string command && command.StartsWith(id + "#", StringComparison.Ordinal))
                .Select(item => item.At.TotalSeconds).DefaultIfEmpty(started.At.TotalSeconds).Max();
            var verdict = events.FirstOrDefault(item => item.Kind is "action-completed" or "action-failed" && Equals(item.Data.GetValueOrDefault("actionId"), id));
            var colour = verdict is null ? "#d94" : verdict.Kind == "action-completed" ? "#4a9" : "#d44";
            rows.Add((started.Data["action"] as string ?? id, started.At.TotalSeconds, verdict is null && last <= started.At.TotalSeconds ? end : last, colour));
        }

        return rows;
    }

    /// <summary>From above: x to the right, y away from the front edge (drawn upwards).</summary>
    private static string TopView(CellSnapshot moment, RobotDescription robot, TabletopWorld table)
    {
        const double Width = 0.8;
        const double Depth = 0.7;
        double Px(double x) => (x + 0.1) * Scale;
        double Py(double y) => (Depth - y) * Scale;
        var svg = new StringBuilder(F($"<svg width=\"{Width * Scale:0}\" height=\"{(Depth + 0.05) * Scale:0}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(F($"<rect x=\"{Px(0):0.#}\" y=\"{Py(Depth - 0.05):0.#}\" width=\"{0.6 * Scale:0.#}\" height=\"{(Depth - 0.05) * Scale:0.#}\" fill=\"#f4efe6\" stroke=\"#bba\"/>"));
        svg.Append("<text x=\"4\" y=\"12\">top</text>");
        foreach (var bin in table.Bins)
        {
            var half = bin.SideMeters / 2;
            svg.Append(F($"<rect x=\"{Px(bin.Centre.XMeters - half):0.#}\" y=\"{Py(bin.Centre.YMeters + half):0.#}\" width=\"{bin.SideMeters * Scale:0.#}\" height=\"{bin.SideMeters * Scale:0.#}\" fill=\"none\" stroke=\"#555\" stroke-width=\"2\"/>"));
            svg.Append(F($"<text x=\"{Px(bin.Centre.XMeters - half):0.#}\" y=\"{Py(bin.Centre.YMeters + half) - 2:0.#}\">{Encode(bin.Name)}</text>"));
        }

        foreach (var block in moment.Blocks.OrderBy(block => block.Z))
        {
            var half = block.Side / 2;
            svg.Append(F($"<rect x=\"{Px(block.X - half):0.#}\" y=\"{Py(block.Y + half):0.#}\" width=\"{block.Side * Scale:0.#}\" height=\"{block.Side * Scale:0.#}\" fill=\"{Colour(block.Colour)}\" stroke=\"#222\"/>"));
            svg.Append(F($"<text x=\"{Px(block.X + half) + 1:0.#}\" y=\"{Py(block.Y):0.#}\">{Encode(block.Name)}</text>"));
        }

        var pivots = ArmDrawing.Pivots(robot.Arm, moment.JointDegrees);
        svg.Append("<polyline fill=\"none\" stroke=\"#234\" stroke-width=\"5\" stroke-opacity=\".7\" points=\"")
            .AppendJoin(' ', pivots.Select(point => F($"{Px(point.X):0.#},{Py(point.Y):0.#}"))).Append("\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>From the front edge: x to the right, height upwards.</summary>
    private static string FrontView(CellSnapshot moment, RobotDescription robot, TabletopWorld table)
    {
        const double Height = 0.6;
        double Px(double x) => (x + 0.1) * Scale;
        double Pz(double z) => (Height - z) * Scale;
        var svg = new StringBuilder(F($"<svg width=\"{0.8 * Scale:0}\" height=\"{(Height + 0.03) * Scale:0}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append("<text x=\"4\" y=\"12\">front</text>");
        svg.Append(F($"<line x1=\"{Px(-0.05):0.#}\" y1=\"{Pz(0):0.#}\" x2=\"{Px(0.65):0.#}\" y2=\"{Pz(0):0.#}\" stroke=\"#bba\" stroke-width=\"3\"/>"));
        foreach (var bin in table.Bins)
        {
            var half = bin.SideMeters / 2;
            svg.Append(F($"<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"2\" points=\"{Px(bin.Centre.XMeters - half):0.#},{Pz(bin.RimMeters):0.#} {Px(bin.Centre.XMeters - half):0.#},{Pz(0):0.#} {Px(bin.Centre.XMeters + half):0.#},{Pz(0):0.#} {Px(bin.Centre.XMeters + half):0.#},{Pz(bin.RimMeters):0.#}\"/>"));
        }

        foreach (var block in moment.Blocks.OrderByDescending(block => block.Y))
        {
            var half = block.Side / 2;
            svg.Append(F($"<rect x=\"{Px(block.X - half):0.#}\" y=\"{Pz(block.Z + block.Side):0.#}\" width=\"{block.Side * Scale:0.#}\" height=\"{block.Side * Scale:0.#}\" fill=\"{Colour(block.Colour)}\" stroke=\"#222\"/>"));
        }

        var pivots = ArmDrawing.Pivots(robot.Arm, moment.JointDegrees);
        svg.Append("<polyline fill=\"none\" stroke=\"#234\" stroke-width=\"5\" stroke-opacity=\".7\" points=\"")
            .AppendJoin(' ', pivots.Select(point => F($"{Px(point.X):0.#},{Pz(point.Z):0.#}"))).Append("\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static string Colour(string name) => name switch
    {
        "red" or "green" or "blue" or "yellow" or "white" or "black" or "orange" or "purple" => name,
        _ => "#999",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
