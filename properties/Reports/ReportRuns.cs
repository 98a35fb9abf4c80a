using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Cli;
using KubeKernel.Cli.Check;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.BugZoo;
using KubeKernel.Properties.Support;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Reports;

/// <summary>
/// The three reports the tests read, made once: <c>check --report</c> against a bug-zoo variant with a pinned seed, <c>replay
/// --report</c> of the counterexample it saved and of a pinned history with faults, and <c>simulate --report</c> of the
/// rolling-update scenario; and what the
/// reports should show, found independently (the counterexample re-checked, the scenario re-run).
/// </summary>
public sealed partial class ReportRuns : IDisposable
{
    /// <summary>A rollout bug: the new ReplicaSet is sized to replicas at once, past maxSurge, caught by RolloutSurgeBound.</summary>
    public static readonly ZooVariant Variant = Zoo.All.Single(v => v.Name == "RolloutIgnoresMaxSurge");

    public static readonly string Scenario = Path.Combine(Approvals.RepositoryRoot, "docs", "scenarios", "rolling-update.yaml");

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("kernelctl-reports-");

    public ReportRuns()
    {
        Check = CheckRunner.Run(new CheckRunner.Arguments(1, 300, 30, 5, "all", null, "counterexample.yaml", ReportFile: "check.html"), Variant.Options, workingDirectory: directory.FullName);
        var saved = Path.Combine(directory.FullName, "counterexample.yaml");
        Replay = ReplayRunner.Run(saved, "counterexample.yaml", Variant.Options, reportFile: "replay.html", workingDirectory: directory.FullName);
        Simulate = SimulateRunner.Run([Scenario], null, "table", workingDirectory: directory.FullName, reportFile: "simulate.html");
        Counterexample = HistoryChecker.Check(HistoryReader.ReadFile(saved, "counterexample.yaml"), Variant.Options);
        var scenario = HistoryReader.ReadFile(Scenario, Scenario);
        var rollout = ClusterSimulation.Start(ClusterState.Initial(), scenario);
        foreach (var step in scenario.Steps)
        {
            rollout.Run(step);
        }

        ScenarioSteps = rollout.Trace.Count;
        Faulted = HistoryChecker.Check(HistoryReader.ReadFile(FaultedHistory, FaultedHistory));
        ReplayRunner.Run(FaultedHistory, "node-lifecycle-restart-with-lost-relist.yaml", reportFile: "faults.html", workingDirectory: directory.FullName);
    }

    /// <summary>A pinned history with a dropped notification and a controller restart.</summary>
    public static string FaultedHistory => Path.Combine(Approvals.RepositoryRoot, "properties", "Regressions", "node-lifecycle-restart-with-lost-relist.yaml");

    /// <summary>The faulted history checked: the run its replay report must draw.</summary>
    public CheckResult Faulted { get; }

    internal CommandOutput Check { get; }

    internal CommandOutput Replay { get; }

    internal CommandOutput Simulate { get; }

    /// <summary>The saved counterexample checked again, with its trace: the run the check and replay reports must draw.</summary>
    public CheckResult Counterexample { get; }

    /// <summary>Reducer steps the scenario takes, run step by step without kernelctl.</summary>
    public int ScenarioSteps { get; }

    public string Page(string name) => Path.Combine(directory.FullName, name);

    /// <summary>The data a report page embeds, as the page's script reads it.</summary>
    public static JsonObject Data(string page)
    {
        var match = EmbeddedData().Match(File.ReadAllText(page));
        Assert.True(match.Success, $"{page} embeds no report data");
        return JsonNode.Parse(match.Groups["json"].Value)!.AsObject();
    }

    public void Dispose() => directory.Delete(recursive: true);

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedData();
}
