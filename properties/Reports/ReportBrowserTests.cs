using System.Text.Json.Nodes;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Reports;

/// <summary>
/// The three reports opened in a real headless Chromium: the timeline has a mark per step of the run, the violating step
/// is marked, a click on a step shows its diff, the rollout plot has a series per ReplicaSet, the coverage is drawn, and the
/// page fetches nothing. Screenshots go to <c>artifacts/reports/</c>.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ReportBrowserTests(ReportRuns runs)
{
    private static readonly string Screenshots = Path.Combine(Approvals.RepositoryRoot, "artifacts", "reports");

    [Fact]
    public void The_check_report_marks_the_violation_shows_a_clicked_steps_diff_and_draws_the_coverage()
    {
        var page = runs.Page("check.html");
        var data = ReportRuns.Data(page);
        using var chromium = new HeadlessChromium();
        Assert.Equal([new Uri(page).AbsoluteUri], chromium.Open(page));
        AssertTimeline(chromium, data, runs.Counterexample.Events);
        var violation = (long)data["violation"]!["step"]!;
        Assert.Equal([violation], Numbers(chromium, "#timeline .mark.violation"));
        Assert.Equal(violation, Shown(chromium));
        Assert.Contains($"Invariant {ReportRuns.Variant.CaughtBy} violated at step {violation}", Text(chromium, "#violation"), StringComparison.Ordinal);
        Assert.Equal(Count(data, "rollouts", "replicaSets"), chromium.Evaluate("document.querySelectorAll('.rollout-plot g.series').length")!.GetValue<int>());
        var coverage = data["coverage"]!;
        var cells = coverage["transitions"]!.AsArray().Count + coverage["verdicts"]!.AsArray().Count + coverage["invariants"]!.AsArray().Count;
        Assert.Equal(cells, chromium.Evaluate("document.querySelectorAll('#coverage .coverage-cell').length")!.GetValue<int>());
        Assert.Equal(
            coverage["transitions"]!.AsArray().Count(c => (long)c!["count"]! == 0),
            chromium.Evaluate("document.querySelectorAll('#coverage-transitions .coverage-cell.unreached').length")!.GetValue<int>());
        chromium.Screenshot(Path.Combine(Screenshots, "check.png"));
        ClickAStepWithADiff(chromium, data, "check-clicked.png");
    }

    [Fact]
    public void The_replay_report_marks_the_violation_and_shows_a_clicked_steps_diff()
    {
        var page = runs.Page("replay.html");
        var data = ReportRuns.Data(page);
        using var chromium = new HeadlessChromium();
        Assert.Equal([new Uri(page).AbsoluteUri], chromium.Open(page));
        AssertTimeline(chromium, data, runs.Counterexample.Events);
        Assert.Equal([(long)data["violation"]!["step"]!], Numbers(chromium, "#timeline .mark.violation"));
        Assert.Equal(0, chromium.Evaluate("document.querySelectorAll('#coverage').length")!.GetValue<int>());
        chromium.Screenshot(Path.Combine(Screenshots, "replay.png"));
        ClickAStepWithADiff(chromium, data, "replay-clicked.png");
    }

    [Fact]
    public void The_simulate_report_plots_one_series_per_replicaset_and_shows_a_clicked_steps_diff()
    {
        var page = runs.Page("simulate.html");
        var data = ReportRuns.Data(page);
        using var chromium = new HeadlessChromium();
        Assert.Equal([new Uri(page).AbsoluteUri], chromium.Open(page));
        AssertTimeline(chromium, data, runs.ScenarioSteps);
        Assert.Empty(Numbers(chromium, "#timeline .mark.violation"));
        var names = data["rollouts"]![0]!["replicaSets"]!.AsArray().Select(rs => (string)rs!["name"]!).ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal(names, chromium.Evaluate("[...document.querySelectorAll('.rollout-plot g.series')].map(g => g.getAttribute('data-replicaset'))")!.AsArray().Select(n => (string)n!));
        Assert.Equal(2, chromium.Evaluate("document.querySelectorAll('.rollout-plot path.bound').length")!.GetValue<int>());
        chromium.Screenshot(Path.Combine(Screenshots, "simulate.png"));
        ClickAStepWithADiff(chromium, data, "simulate-clicked.png");
    }

    [Fact]
    public void The_faulted_steps_of_a_replay_are_marked()
    {
        var page = runs.Page("faults.html");
        var data = ReportRuns.Data(page);
        using var chromium = new HeadlessChromium();
        chromium.Open(page);
        AssertTimeline(chromium, data, runs.Faulted.Events);
        var faulted = data["steps"]!.AsArray().Where(s => s!["fault"] is not null).Select(s => (long)s!["number"]!).ToList();
        Assert.NotEmpty(faulted);
        Assert.Equal(faulted, Numbers(chromium, "#timeline .mark.fault"));
        chromium.Click($"#timeline .mark[data-step=\"{faulted[0]}\"]");
        Assert.Contains($"Fault: {data["steps"]![(int)faulted[0] - 1]!["fault"]}", Text(chromium, "#step-details"), StringComparison.Ordinal);
        chromium.Screenshot(Path.Combine(Screenshots, "faults-clicked.png"));
    }

    /// <summary>One mark per step of the data, as many as the run took, each on its step's lane.</summary>
    private static void AssertTimeline(HeadlessChromium chromium, JsonObject data, int events)
    {
        var steps = data["steps"]!.AsArray();
        Assert.Equal(events, steps.Count);
        Assert.Equal(steps.Select(s => (long)s!["number"]!), Numbers(chromium, "#timeline .mark"));
        Assert.Equal(data["lanes"]!.AsArray().Count, chromium.Evaluate("document.querySelectorAll('.lane-labels .lane-label').length - 1")!.GetValue<int>());
    }

    /// <summary>Clicks the mark of the last step (not the one shown) whose diff is not empty, and finds that step's diff, commands and transitions shown.</summary>
    private static void ClickAStepWithADiff(HeadlessChromium chromium, JsonObject data, string screenshot)
    {
        var shown = Shown(chromium);
        var step = data["steps"]!.AsArray().Last(s => s!["diff"]!.AsArray().Count > 0 && (long)s["number"]! != shown)!;
        var number = (long)step["number"]!;
        chromium.Click($"#timeline .mark[data-step=\"{number}\"]");
        Assert.Equal(number, Shown(chromium));
        Assert.Equal([number], Numbers(chromium, "#timeline .mark.selected"));
        var details = Text(chromium, "#step-details");
        Assert.Contains((string)step["event"]!, details, StringComparison.Ordinal);
        foreach (var line in step["diff"]!.AsArray().Concat(step["commands"]!.AsArray()).Concat(step["transitions"]!.AsArray()))
        {
            Assert.Contains((string)line!, details, StringComparison.Ordinal);
        }

        chromium.Screenshot(Path.Combine(Screenshots, screenshot));
    }

    private static long Shown(HeadlessChromium chromium) => long.Parse(chromium.Evaluate("document.getElementById('step-details').getAttribute('data-step')")!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(HeadlessChromium chromium, string selector) => chromium.Evaluate($"document.querySelector('{selector}').innerText")!.GetValue<string>();

    private static IReadOnlyList<long> Numbers(HeadlessChromium chromium, string selector) =>
        [.. chromium.Evaluate($"[...document.querySelectorAll('{selector}')].map(m => Number(m.getAttribute('data-step')))")!.AsArray().Select(n => n!.GetValue<long>())];

    private static int Count(JsonObject data, string list, string inner) => data[list]!.AsArray().Sum(x => x![inner]!.AsArray().Count);
}
