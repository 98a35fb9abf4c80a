using KubeKernel.Cli;
using KubeKernel.Cli.Output;
using KubeKernel.Cli.Simulate;
using KubeKernel.Model;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

/// <summary>simulate on a cluster too big to print whole: the summary instead of the trace, progress lines, streamed JSON.</summary>
public class SimulateAtScaleTests
{
    private static readonly string Root = Approvals.RepositoryRoot;

    private static CommandOutput Simulate(TraceMode trace, int nodes = 3, string output = "table", string file = "docs/examples/nginx-deployment.yaml") =>
        SimulateRunner.Run([file], nodes, output, Root, trace: trace);

    private static IReadOnlyList<KubeKernel.Adapters.Manifests.ManifestDocument> Manifests(string file) =>
        KubeKernel.Adapters.Manifests.ManifestReader.ReadFile(Path.Combine(Root, file), file);

    [Fact]
    public void Auto_prints_a_short_run_s_trace_and_tables_exactly_as_full_does()
    {
        var auto = Simulate(TraceMode.Auto);
        Assert.Equal(Simulate(TraceMode.Full).Stdout, auto.Stdout);
        Assert.Contains("Successfully assigned", auto.Stdout);
        Assert.DoesNotContain("reducer steps", auto.Stdout);
    }

    [Fact]
    public void None_prints_the_step_count_and_the_objects_counted_by_status_instead_of_the_trace()
    {
        var result = Simulate(TraceMode.None);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Successfully assigned", result.Stdout);
        Assert.Contains("reducer steps, up to simulated time", result.Stdout);
        Assert.Contains("--trace full prints it", result.Stdout);
        Assert.Matches(@"\npods\s+3\s+3 Running, 3 Ready\n", result.Stdout);
        Assert.Matches(@"\ndeployments\s+1\s+1 Available\n", result.Stdout);
        Assert.Matches(@"\nnodes\s+3\s+3 Ready\n", result.Stdout);
    }

    [Fact]
    public void Auto_switches_to_the_summary_once_the_run_outgrows_its_limit_and_names_the_nodes_first_and_last()
    {
        // 30 nodes and a 1,000-replica Deployment take over 6,000 steps.
        var manifest = Path.Combine(Path.GetTempPath(), $"kernel-scale-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(manifest, File.ReadAllText(Path.Combine(Root, "docs/examples/nginx-deployment.yaml")).Replace("replicas: 3", "replicas: 1000", StringComparison.Ordinal));
        try
        {
            var result = SimulateRunner.Run([manifest], 30, "table");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("on 30 node(s): node-1 … node-30\n", result.Stdout);
            Assert.Contains($"it has more than {TraceKeeper.AutoLimit:N0} steps", result.Stdout);
            Assert.Matches(@"\npods\s+1,000\s+1,000 Running, 1,000 Ready\n", result.Stdout);
            Assert.DoesNotContain("Successfully assigned", result.Stdout);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [Fact]
    public void A_trace_keeper_in_auto_mode_lets_its_steps_go_past_the_limit_and_counts_on()
    {
        var simulation = SimulateRunner.Start(Manifests("docs/examples/nginx-deployment.yaml"), 3).Simulation;
        var step = simulation.Trace[^1];
        var keeper = new TraceKeeper(TraceMode.Auto, progress: null);
        for (var i = 0; i < TraceKeeper.AutoLimit; i++)
        {
            keeper.Add(step);
        }

        Assert.True(keeper.Complete);
        Assert.Equal(TraceKeeper.AutoLimit, keeper.Entries.Count);
        keeper.Add(step);
        Assert.False(keeper.Complete);
        Assert.Empty(keeper.Entries);
        Assert.Equal(TraceKeeper.AutoLimit + 1, keeper.Steps);
    }

    [Fact]
    public void Progress_prints_a_line_once_per_interval_of_its_clock_and_none_for_a_short_run()
    {
        var simulation = SimulateRunner.Start(Manifests("docs/examples/nginx-deployment.yaml"), 3).Simulation;
        var step = simulation.Trace[^1];
        var clock = TimeSpan.Zero;
        var lines = new StringWriter { NewLine = "\n" };
        var progress = new Progress(lines, TimeSpan.FromSeconds(5), () => clock);
        for (var i = 0; i < 4096 * 3; i++)
        {
            progress.Step(step);
        }

        Assert.Equal(string.Empty, lines.ToString());
        clock = TimeSpan.FromSeconds(6);
        for (var i = 0; i < 4096 * 3; i++)
        {
            progress.Step(step);
        }

        Assert.Equal($"{Progress.Line(4096 * 4, step.After)}\n", lines.ToString());
        Assert.Equal("simulating: 16,384 steps, 3 pods (3 Ready), simulated time 0s", Progress.Line(4096 * 4, step.After));
    }

    [Fact]
    public void Streamed_json_is_the_same_text_as_the_list_serialised_whole()
    {
        var state = SimulateRunner.Start(Manifests("docs/examples/guestbook.yaml"), 3).Simulation.State;
        var objects = state.Store.All().ToList();
        var whole = System.Text.Json.Nodes.JsonNode.Parse(ObjectListWriter.Json(objects))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 4, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        Assert.Equal(whole, ObjectListWriter.Json(objects));
        Assert.Equal("{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n", ObjectListWriter.Json(Array.Empty<KubeObject>()));
    }
}
