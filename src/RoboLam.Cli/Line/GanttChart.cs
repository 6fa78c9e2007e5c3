using System.Globalization;
using System.Net;
using System.Text;

namespace RoboLam.Cli.Line;

/// <summary>The timeline as an SVG Gantt chart: one row per device, one bar per action (failed ones red).</summary>
internal static class GanttChart
{
    private const int RowHeight = 22;
    private const int LabelWidth = 190;
    private const int ChartWidth = 900;

    public static string Svg(IReadOnlyList<TimelineBar> bars, TimeSpan makespan, string title)
    {
        var devices = bars.Select(bar => bar.Device).Distinct().Order(StringComparer.Ordinal).ToList();
        var seconds = Math.Max(makespan.TotalSeconds, 0.001);
        var height = ((devices.Count + 2) * RowHeight) + 20;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + ChartWidth + 20}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        Append(svg, $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Append(svg, $"<text x=\"10\" y=\"15\" font-size=\"13\">{WebUtility.HtmlEncode(title)}</text>");
        for (var row = 0; row < devices.Count; row++)
        {
            var y = (row + 1) * RowHeight;
            Append(svg, $"<text x=\"10\" y=\"{y + 15}\">{WebUtility.HtmlEncode(devices[row])}</text>");
            Append(svg, $"<line x1=\"{LabelWidth}\" y1=\"{y + RowHeight}\" x2=\"{LabelWidth + ChartWidth}\" y2=\"{y + RowHeight}\" stroke=\"#ddd\"/>");
        }

        foreach (var bar in bars)
        {
            var y = (devices.IndexOf(bar.Device) + 1) * RowHeight;
            var x = LabelWidth + (bar.Start.TotalSeconds / seconds * ChartWidth);
            var width = Math.Max(1, bar.Duration.TotalSeconds / seconds * ChartWidth);
            var colour = bar.Result == "completed" ? "#4a90d9" : "#d94a4a";
            Append(svg, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{RowHeight - 6}\" fill=\"{colour}\" stroke=\"#234\"><title>{WebUtility.HtmlEncode($"{bar.Action} {bar.Start.TotalSeconds:0.00}-{bar.End.TotalSeconds:0.00} s {bar.Result}")}</title></rect>");
            var label = bar.Action.Trim('(', ')').Split(' ');
            if (width > 40)
            {
                Append(svg, $"<text x=\"{x + 3:0.#}\" y=\"{y + 15}\" fill=\"white\" font-size=\"10\">{WebUtility.HtmlEncode(label.Length > 1 ? label[1] : label[0])}</text>");
            }
        }

        var axisY = (devices.Count + 1) * RowHeight;
        for (var tick = 0; tick <= 10; tick++)
        {
            var x = LabelWidth + (tick * ChartWidth / 10.0);
            Append(svg, $"<text x=\"{x:0.#}\" y=\"{axisY + 16}\" text-anchor=\"middle\">{seconds * tick / 10:0.#} s</text>");
        }

        Append(svg, $"</svg>");
        return svg.ToString();
    }

    private static void Append(StringBuilder svg, FormattableString line) => svg.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
