using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeKernel.Cli.Reports;

/// <summary>A report as one self-contained HTML page: its data as JSON, and the script and styles that draw it, all inline.</summary>
/// <remarks>
/// The page fetches nothing: <c>report.js</c> and <c>report.css</c> (embedded resources beside this file) are written
/// into it. The JSON is written with every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, so no object name can close the
/// script element that holds it; and with nothing that varies between runs, so the same run gives the same bytes.
/// </remarks>
internal static class ReportPage
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    private static readonly string Script = Resource("report.js");
    private static readonly string Styles = Resource("report.css");

    public static string Render(ReportData data)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append($"<title>{Encode(data.Title)}</title>\n<style>\n{Styles}</style>\n</head>\n<body>\n");
        html.Append($"<header>\n<h1 class=\"{(data.Violation is null ? "ok" : "failed")}\">{Encode(data.Title)}</h1>\n");
        foreach (var line in data.Summary)
        {
            html.Append($"<p class=\"summary\">{Encode(line)}</p>\n");
        }

        html.Append($"<p class=\"summary\" id=\"shown\">{Encode(Shown(data))}</p>\n</header>\n");
        html.Append("<main id=\"report\"><noscript>This report draws its pictures with JavaScript.</noscript></main>\n");
        html.Append($"<script type=\"application/json\" id=\"report-data\">{JsonSerializer.Serialize(data, Json)}</script>\n");
        html.Append($"<script>\n{Script}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>What the timeline holds, and what a long run's page left out.</summary>
    private static string Shown(ReportData data)
    {
        if (data.TotalSteps == 0)
        {
            return "No run to draw: the timeline is empty.";
        }

        if (data.Omitted == 0)
        {
            return $"Timeline: all {ReportBuilder.Count(data.TotalSteps)} reducer steps.";
        }

        var head = ReportTimeline.KeptAtEachEnd;
        return $"Timeline: the first {ReportBuilder.Count(head)} and the last {ReportBuilder.Count(data.TotalSteps - head - data.Omitted)} of {ReportBuilder.Count(data.TotalSteps)} reducer steps; the {ReportBuilder.Count(data.Omitted)} between them are left out to keep the page small (the rollout plots cover every step).";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream($"KubeKernel.Cli.Reports.{name}")
            ?? throw new InvalidOperationException($"the report resource {name} is not embedded in kernelctl");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
