using System.Globalization;
using System.Net;
using System.Text;

namespace MicroPrompt.Reporting;

/// <summary>
/// Small helpers for the report's inline SVG charts: a plot area, axes with ticks and titles, mode markers and
/// per-model colours. Presentation attributes only (no <c>style</c> attributes, no script), so the page's CSP holds.
/// </summary>
internal static class SvgPlot
{
    public const int Width = 720;
    public const int Height = 400;
    public const int Left = 80;
    public const int Right = 560;
    public const int Top = 20;
    public const int Bottom = 330;
    public const string Ink = "#1b1f24";
    public const string Grid = "#d0d7de";

    // Dark enough to print in grey; identity is always also in a text label and the marker shape.
    private static readonly string[] Palette = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#9a6700", "#bf3989", "#0a3069", "#57606a"];

    public static string Colour(int modelIndex) => Palette[modelIndex % Palette.Length];

    /// <summary>Opens <c>figure#id</c> and its <c>svg</c> with a title and description for screen readers.</summary>
    public static void Open(StringBuilder svg, string id, string title, string description)
    {
        svg.Append("<figure id=\"").Append(id).Append("\" class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
            .Append(I(Width)).Append(' ').Append(I(Height)).Append("\" width=\"").Append(I(Width)).Append("\" height=\"").Append(I(Height))
            .Append("\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\" font-family=\"system-ui,sans-serif\" font-size=\"12\" fill=\"")
            .Append(Ink).Append("\">\n<title id=\"").Append(id).Append("-title\">").Append(E(title)).Append("</title>\n<desc id=\"").Append(id)
            .Append("-desc\">").Append(E(description)).Append("</desc>\n<rect x=\"0\" y=\"0\" width=\"").Append(I(Width)).Append("\" height=\"")
            .Append(I(Height)).Append("\" fill=\"#fff\"/>\n");
    }

    /// <summary>Closes the svg and adds the caption that explains the encoding in words.</summary>
    public static void Close(StringBuilder svg, string caption)
        => svg.Append("</svg>\n<figcaption>").Append(E(caption)).Append("</figcaption>\n</figure>\n");

    /// <summary>A horizontal grid line with its y tick label at the left.</summary>
    public static void YTick(StringBuilder svg, double y, string label)
    {
        svg.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" y1=\"").Append(F(y)).Append("\" x2=\"").Append(F(Right)).Append("\" y2=\"").Append(F(y))
            .Append("\" stroke=\"").Append(Grid).Append("\" stroke-width=\"1\"/>\n<text class=\"tick y-tick\" x=\"").Append(F(Left - 8)).Append("\" y=\"").Append(F(y + 4))
            .Append("\" text-anchor=\"end\">").Append(E(label)).Append("</text>\n");
    }

    /// <summary>A vertical grid line with its x tick label below the axis.</summary>
    public static void XTick(StringBuilder svg, double x, string label)
    {
        svg.Append("<line class=\"grid\" x1=\"").Append(F(x)).Append("\" y1=\"").Append(F(Top)).Append("\" x2=\"").Append(F(x)).Append("\" y2=\"").Append(F(Bottom))
            .Append("\" stroke=\"").Append(Grid).Append("\" stroke-width=\"1\"/>\n<text class=\"tick x-tick\" x=\"").Append(F(x)).Append("\" y=\"").Append(F(Bottom + 18))
            .Append("\" text-anchor=\"middle\">").Append(E(label)).Append("</text>\n");
    }

    /// <summary>The two axis lines and their titles.</summary>
    public static void Axes(StringBuilder svg, string xTitle, string yTitle)
    {
        svg.Append("<line x1=\"").Append(F(Left)).Append("\" y1=\"").Append(F(Bottom)).Append("\" x2=\"").Append(F(Right)).Append("\" y2=\"").Append(F(Bottom))
            .Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1.5\"/>\n<line x1=\"").Append(F(Left)).Append("\" y1=\"").Append(F(Top)).Append("\" x2=\"")
            .Append(F(Left)).Append("\" y2=\"").Append(F(Bottom)).Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1.5\"/>\n")
            .Append("<text class=\"axis-title x-title\" x=\"").Append(F((Left + Right) / 2.0)).Append("\" y=\"").Append(F(Bottom + 44))
            .Append("\" text-anchor=\"middle\" font-weight=\"600\">").Append(E(xTitle)).Append("</text>\n")
            .Append("<text class=\"axis-title y-title\" x=\"").Append(F(-(Top + Bottom) / 2.0)).Append("\" y=\"22\" transform=\"rotate(-90)\" text-anchor=\"middle\" font-weight=\"600\">")
            .Append(E(yTitle)).Append("</text>\n");
    }

    /// <summary>The y of a percentage (0–100) in the plot area.</summary>
    public static double PercentY(double percent) => Bottom - (Math.Clamp(percent, 0, 100) / 100.0 * (Bottom - Top));

    /// <summary>
    /// The repair mode's marker: circle (exec), square (review), triangle (none, or any other); filled or hollow, so
    /// neither mode nor frontier membership depends on colour.
    /// </summary>
    public static void Marker(StringBuilder svg, string mode, double x, double y, string colour, bool filled)
    {
        var fill = filled ? colour : "#fff";
        var common = $" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"";
        switch (mode)
        {
            case "exec":
                svg.Append("<circle class=\"marker m-exec\" cx=\"").Append(F(x)).Append("\" cy=\"").Append(F(y)).Append("\" r=\"5.5\"").Append(common).Append("/>\n");
                break;
            case "review":
                svg.Append("<rect class=\"marker m-review\" x=\"").Append(F(x - 5)).Append("\" y=\"").Append(F(y - 5)).Append("\" width=\"10\" height=\"10\"").Append(common).Append("/>\n");
                break;
            default:
                svg.Append("<polygon class=\"marker m-").Append(E(mode)).Append("\" points=\"").Append(F(x)).Append(',').Append(F(y - 6)).Append(' ')
                    .Append(F(x + 6)).Append(',').Append(F(y + 5)).Append(' ').Append(F(x - 6)).Append(',').Append(F(y + 5)).Append('"').Append(common).Append("/>\n");
                break;
        }
    }

    /// <summary>The dash pattern of a mode's line: solid (exec), dashed (review), dotted (other).</summary>
    public static string Dash(string mode) => mode switch { "exec" => "none", "review" => "7 4", _ => "2 3" };

    /// <summary>Spreads label positions so no two are closer than <paramref name="gap"/> vertically when they are near horizontally.</summary>
    public static IReadOnlyList<double> Spread(IReadOnlyList<(double X, double Y)> anchors, double gap = 13)
    {
        var ys = anchors.Select(a => a.Y).ToArray();
        var order = Enumerable.Range(0, anchors.Count).OrderBy(i => anchors[i].Y).ThenBy(i => anchors[i].X).ToList();
        for (var n = 1; n < order.Count; n++)
        {
            for (var m = 0; m < n; m++)
            {
                int a = order[m], b = order[n];
                if (Math.Abs(anchors[a].X - anchors[b].X) < 170 && Math.Abs(ys[b] - ys[a]) < gap)
                {
                    ys[b] = ys[a] + gap;
                }
            }
        }

        return ys;
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);
}
