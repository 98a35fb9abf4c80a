using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeKernel.Cli.Reports;
using KubeKernel.Cli.Simulate;
using KubeKernel.Invariants;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.Reports;

/// <summary>What the reports embed: the run step by step, the violation where it happened, the rollouts with their bounds, and a check's coverage.</summary>
[Collection(ReportCollection.Name)]
public sealed partial class ReportDataTests(ReportRuns runs)
{
    [Fact]
    public void The_check_report_holds_the_shrunk_counterexample_step_by_step()
    {
        Assert.Equal(1, runs.Check.ExitCode);
        Assert.EndsWith("report written to check.html\n", runs.Check.Stdout, StringComparison.Ordinal);
        var data = ReportRuns.Data(runs.Page("check.html"));
        var expected = runs.Counterexample;
        var steps = data["steps"]!.AsArray();
        Assert.Equal(expected.Events, steps.Count);
        Assert.Equal(expected.Events, (long)data["totalSteps"]!);
        Assert.Equal(0, (long)data["omitted"]!);
        Assert.Equal(Enumerable.Range(1, expected.Events).Select(n => (long)n), steps.Select(s => (long)s!["number"]!));
        var violation = data["violation"]!;
        Assert.Equal(ReportRuns.Variant.CaughtBy, (string)violation["invariant"]!);
        Assert.Equal(expected.Violation!.TraceIndex + 1L, (long)violation["step"]!);
        Assert.Equal(expected.Violation.Messages, violation["messages"]!.AsArray().Select(m => (string)m!));

        // Every node of the history has its lane, and the controller the bug is in acted on its own.
        var lanes = data["lanes"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
        foreach (var node in expected.History.Nodes)
        {
            Assert.Contains($"node {node.Metadata.Name}", lanes);
        }

        var violating = steps[(int)(long)violation["step"]! - 1]!;
        Assert.Equal("deployment-controller", lanes[(int)violating["lane"]!]);
        Assert.NotEmpty(violating["diff"]!.AsArray());

        // The history's steps tile the run: each phase starts where the one before ended, the last ends with the run.
        var phases = data["phases"]!.AsArray();
        Assert.Equal(1, (long)phases[0]!["first"]!);
        Assert.All(phases.Zip(phases.Skip(1)), p => Assert.Equal((long)p.First!["last"]! + 1, (long)p.Second!["first"]!));
        Assert.Equal(expected.Events, (long)phases[^1]!["last"]!);
    }

    /// <summary>The picture shows the bug: at the violating step the ReplicaSets' desired replicas add up past replicas + maxSurge.</summary>
    [Fact]
    public void The_check_reports_rollout_plot_shows_the_surge_the_invariant_caught()
    {
        var data = ReportRuns.Data(runs.Page("check.html"));
        var at = (long)data["violation"]!["step"]!;
        var rollout = Assert.Single(data["rollouts"]!.AsArray())!;
        var bound = rollout["bounds"]!.AsArray().Last(b => (long)b!["step"]! <= at)!;
        var desired = rollout["replicaSets"]!.AsArray()
            .Select(rs => rs!["points"]!.AsArray().LastOrDefault(p => (long)p![0]! <= at))
            .Sum(p => p is null ? 0 : (long)p[2]!);
        Assert.True(desired > (long)bound["replicas"]! + (long)bound["maxSurge"]!, $"desired {desired} within replicas {bound["replicas"]} + maxSurge {bound["maxSurge"]}");
    }

    [Fact]
    public void The_check_reports_coverage_has_every_transition_verdict_and_invariant_and_agrees_with_the_summary()
    {
        var coverage = ReportRuns.Data(runs.Page("check.html"))["coverage"]!;
        var transitions = coverage["transitions"]!.AsArray();
        var verdicts = coverage["verdicts"]!.AsArray();
        Assert.Equal(LifecycleInvariants.AllTransitions.Count, transitions.Count);
        Assert.Equal(2 * SchedulerProfile.Default.Filters.Count, verdicts.Count);
        Assert.Equal(ReportRuns.Variant.Options.Invariants.Count, coverage["invariants"]!.AsArray().Count);
        Assert.Equal(Covered(runs.Check.Stdout, "lifecycle transitions"), (transitions.Count(Reached), transitions.Count));
        Assert.Equal(Covered(runs.Check.Stdout, "scheduler verdicts"), (verdicts.Count(Reached), verdicts.Count));
    }

    [Fact]
    public void The_replay_report_draws_the_same_run_as_the_check_report()
    {
        Assert.Equal(1, runs.Replay.ExitCode);
        var check = ReportRuns.Data(runs.Page("check.html"));
        var replay = ReportRuns.Data(runs.Page("replay.html"));
        Assert.StartsWith($"kernelctl replay counterexample.yaml: FAILED, {ReportRuns.Variant.CaughtBy} violated", (string)replay["title"]!, StringComparison.Ordinal);
        foreach (var part in new[] { "lanes", "steps", "phases", "violation", "rollouts" })
        {
            Assert.Equal(check[part]!.ToJsonString(), replay[part]!.ToJsonString());
        }

        Assert.Null(replay["coverage"]);
    }

    /// <summary>The real controller keeps the scenario's rollout (10 replicas, maxSurge 3, maxUnavailable 2) inside its bounds, and the plot says so.</summary>
    [Fact]
    public void The_simulate_report_plots_the_rolling_update_and_its_rollback_within_the_bounds()
    {
        Assert.Equal(0, runs.Simulate.ExitCode);
        var data = ReportRuns.Data(runs.Page("simulate.html"));
        Assert.Equal(runs.ScenarioSteps, data["steps"]!.AsArray().Count);
        Assert.Null(data["violation"]);
        Assert.Equal(["nodes join", "1. apply deployment.apps/web", "2. apply deployment.apps/web", "3. rollout undo deployment/web"], data["phases"]!.AsArray().Select(p => (string)p!["label"]!));
        var rollout = Assert.Single(data["rollouts"]!.AsArray())!;
        Assert.Equal("default/web", (string)rollout["deployment"]!);
        var bound = Assert.Single(rollout["bounds"]!.AsArray())!;
        Assert.Equal((10, 3, 2), ((int)bound["replicas"]!, (int)bound["maxSurge"]!, (int)bound["maxUnavailable"]!));
        var series = rollout["replicaSets"]!.AsArray();
        Assert.Equal(2, series.Count);
        foreach (var step in series.SelectMany(s => s!["points"]!.AsArray()).Select(p => (long)p![0]!).Distinct())
        {
            var desired = series.Sum(s => s!["points"]!.AsArray().LastOrDefault(p => (long)p![0]! <= step) is { } p ? (long)p[2]! : 0);
            Assert.InRange(desired, 0, 13);
        }

        // Rolled back: the first ReplicaSet ends with all 10 replicas available, the second with none.
        Assert.Equal([10L, 0L], series.Select(s => (long)s!["points"]!.AsArray()[^1]![4]!));
    }

    /// <summary>A pinned history with a lost notification and a controller crash: each faulted step carries its fault's words, on the faulted controller's lane.</summary>
    [Fact]
    public void A_replay_report_marks_the_steps_faults_shaped()
    {
        var data = ReportRuns.Data(runs.Page("faults.html"));
        var trace = runs.Faulted.Trace;
        var steps = data["steps"]!.AsArray();
        Assert.Equal(trace.Count, steps.Count);
        var faulted = steps.Where(s => s!["fault"] is not null).ToList();
        Assert.Equal(trace.Select((e, i) => (i + 1L, e.Fault?.Text)).Where(f => f.Text is not null), faulted.Select(s => ((long)s!["number"]!, (string?)s["fault"])));
        Assert.Contains(faulted, s => (string)s!["event"]! == "node-lifecycle-controller restarts");
        var lanes = data["lanes"]!.AsArray();
        Assert.All(faulted, s => Assert.Equal("node-lifecycle-controller", (string)lanes[(int)s!["lane"]!]!["name"]!));
    }

    [Fact]
    public void The_same_run_writes_the_same_bytes()
    {
        var directory = Directory.CreateTempSubdirectory("kernelctl-report-bytes-");
        try
        {
            SimulateRunner.Run([ReportRuns.Scenario], null, "table", workingDirectory: directory.FullName, reportFile: "again.html");
            Assert.Equal(File.ReadAllBytes(runs.Page("simulate.html")), File.ReadAllBytes(Path.Combine(directory.FullName, "again.html")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A run of more than 2,000 steps keeps its first and last 1,000, says how many it left out, and stays small.</summary>
    [Fact]
    public void A_long_simulate_keeps_its_first_and_last_thousand_steps()
    {
        var directory = Directory.CreateTempSubdirectory("kernelctl-report-long-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "many.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: many}
                spec:
                  replicas: 400
                  selector: {matchLabels: {app: many}}
                  template:
                    metadata: {labels: {app: many}}
                    spec:
                      containers: [{name: c, image: "nginx:1.25"}]
                """);
            var output = SimulateRunner.Run(["many.yaml"], 5, "table", workingDirectory: directory.FullName, trace: TraceMode.None, reportFile: "many.html");
            Assert.Equal(0, output.ExitCode);
            var page = Path.Combine(directory.FullName, "many.html");
            var data = ReportRuns.Data(page);
            var total = (long)data["totalSteps"]!;
            Assert.Equal(long.Parse(StepCount().Match(output.Stdout).Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), total);
            Assert.True(total > 2 * ReportTimeline.KeptAtEachEnd, $"the run took only {total} steps");
            var numbers = data["steps"]!.AsArray().Select(s => (long)s!["number"]!).ToList();
            Assert.Equal(Enumerable.Range(1, 1000).Select(n => (long)n).Concat(Enumerable.Range(0, 1000).Select(n => total - 999 + n)), numbers);
            Assert.Equal(total - 2000, (long)data["omitted"]!);
            Assert.Contains($"the {total - 2000:N0} between them are left out", File.ReadAllText(page), StringComparison.Ordinal);
            var rs = Assert.Single(Assert.Single(data["rollouts"]!.AsArray())!["replicaSets"]!.AsArray())!;
            Assert.Equal(400, (long)rs["points"]!.AsArray()[^1]![4]!);
            Assert.InRange(new FileInfo(page).Length, 1, 2_500_000);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_an_error_after_the_commands_own_output()
    {
        var output = SimulateRunner.Run([ReportRuns.Scenario], null, "table", reportFile: "/nonexistent-directory/report.html");
        Assert.Equal(2, output.ExitCode);
        Assert.StartsWith("error: could not write the report to /nonexistent-directory/report.html: ", output.Stderr, StringComparison.Ordinal);
        Assert.Equal(SimulateRunner.Run([ReportRuns.Scenario], null, "table").Stdout, output.Stdout);
    }

    /// <summary>No text in the data can end the script element that holds it or inject markup into the page.</summary>
    [Fact]
    public void Text_from_the_run_cannot_break_out_of_the_page()
    {
        const string Hostile = "</script><script>alert(1)</script><b>";
        var data = new ReportData("simulate", Hostile, [Hostile], [new(Hostile, "api")], [new(1, 0, 0, Hostile, Hostile, [Hostile], [Hostile], [Hostile])], 1, 0, [new(1, 1, Hostile)], null, [], null);
        var page = ReportPage.Render(data);
        Assert.Equal(2, Regex.Count(page, "<script"));
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("kernelctl-report-hostile-");
        try
        {
            var file = Path.Combine(directory.FullName, "hostile.html");
            File.WriteAllText(file, page);
            Assert.Equal(Hostile, (string)ReportRuns.Data(file)["steps"]![0]!["event"]!);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool Reached(JsonNode? cell) => (long)cell!["count"]! > 0;

    /// <summary>"X of Y covered" from the summary row <paramref name="row"/> of check's output.</summary>
    private static (int Reached, int Of) Covered(string stdout, string row)
    {
        var match = Regex.Match(stdout, $"^{row} +(?<x>\\d+) of (?<y>\\d+) covered$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {row} row in:\n{stdout}");
        return (int.Parse(match.Groups["x"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^(?<n>[0-9,]+) reducer steps", RegexOptions.Multiline)]
    private static partial Regex StepCount();
}
