using System.Diagnostics;
using System.Text.Json;
using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

public class SimulateTests
{
    private static readonly string Root = Approvals.RepositoryRoot;

    private static CommandOutput Simulate(string output = "table", int? nodes = null, params string[] files) =>
        SimulateRunner.Run(files.Length == 0 ? ["docs/examples/nginx-deployment.yaml"] : files, nodes, output, Root);

    [Fact]
    public void The_nginx_example_converges_and_prints_the_flow_and_tables()
    {
        var result = Simulate();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        foreach (var expected in new[] { "deployment.apps/nginx-deployment created", "Scaled up replica set", "Created pod:", "Successfully assigned", "Started container nginx", "is Running and Ready", "Available=True", "deployment.apps/nginx-deployment   3/3" })
        {
            Assert.Contains(expected, result.Stdout);
        }
    }

    [Fact]
    public void Json_output_is_a_List_with_three_running_ready_pods_and_availableReplicas_3()
    {
        var result = Simulate("json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("v1", root.GetProperty("apiVersion").GetString());
        Assert.Equal("List", root.GetProperty("kind").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var keys = items.Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("metadata").TryGetProperty("namespace", out var ns) ? ns.GetString()! : string.Empty, i.GetProperty("metadata").GetProperty("name").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3, StringComparer.Ordinal), keys);
        var pods = items.Where(i => i.GetProperty("kind").GetString() == "Pod").ToList();
        Assert.Equal(3, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Equal("Running", pod.GetProperty("status").GetProperty("phase").GetString());
            Assert.Contains(pod.GetProperty("status").GetProperty("conditions").EnumerateArray(), c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");
            Assert.StartsWith("node-", pod.GetProperty("spec").GetProperty("nodeName").GetString());
        }

        var deployment = items.Single(i => i.GetProperty("kind").GetString() == "Deployment");
        Assert.Equal(3, deployment.GetProperty("status").GetProperty("availableReplicas").GetInt32());
    }

    [Fact]
    public void Yaml_output_is_the_same_List()
    {
        var result = Simulate("yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("apiVersion: v1\nitems:\n", result.Stdout);
        Assert.Contains("kind: List", result.Stdout);
        Assert.Contains("availableReplicas: 3", result.Stdout);
    }

    [Fact]
    public void The_guestbook_shape_converges()
    {
        var result = Simulate(files: "docs/examples/guestbook.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("deployment.apps/frontend         3/3", result.Stdout);
        Assert.Contains("Readiness probe of pod", result.Stdout);
    }

    [Fact]
    public void Nodes_option_adds_that_many_default_nodes()
    {
        var result = Simulate(nodes: 1);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("on 1 node(s): node-1", result.Stdout);
    }

    [Fact]
    public void A_cluster_too_small_does_not_converge_and_says_which_pods_are_pending_and_why()
    {
        var file = WriteTemp("""
            apiVersion: v1
            kind: Node
            metadata: {name: tiny}
            status:
              capacity: {cpu: "1", memory: 1Gi, pods: "110"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: big}
            spec:
              replicas: 1
              selector: {matchLabels: {app: big}}
              template:
                metadata: {labels: {app: big}}
                spec:
                  containers: [{name: c, image: nginx, resources: {requests: {cpu: "2"}}}]
            """);
        var result = SimulateRunner.Run([file], null, "table");
        Assert.Equal(CommandOutput.NotConverged, result.ExitCode);
        Assert.Contains("deployment default/big: 0/1 available", result.Stderr);
        Assert.Contains("Pending (Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.", result.Stderr);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: [\n", "error: error parsing FILE: yaml: line" },
        { "apiVersion: v1\nkind: Frob\nmetadata: {name: x}\n", "error: resource mapping not found for FILE (document 1, line 1): no matches for kind \"Frob\" in version \"v1\"" },
        { "kind: Pod\nmetadata: {name: x}\n", "error: error validating FILE (document 1, line 1): apiVersion not set" },
        { "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: abc\n", "error: error parsing FILE (document 2, line " },
        { "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: b, resources: {requests: {cpu: lots}}}]\n", "quantities must match the regular expression" },
        {
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: -1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: nginx}]\n",
            "error: error applying FILE (document 1, line 1): Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"
        },
        { "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  restartPolicy: Sometimes\n  containers: [{name: a, image: b}]\n", "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a_clear_error_naming_the_file_and_document_with_exit_code_2(string yaml, string message)
    {
        var file = WriteTemp(yaml);
        var result = SimulateRunner.Run([file], null, "table");
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains(message.Replace("FILE", file, StringComparison.Ordinal), result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var result = SimulateRunner.Run(["no/such/file.yaml"], null, "table");
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Equal("error: the path \"no/such/file.yaml\" does not exist\n", result.Stderr);
    }

    [Fact]
    public void An_unknown_output_format_is_rejected()
    {
        var result = Simulate("xml");
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Contains("allowed formats are: table,wide,json,yaml,name", result.Stderr);
    }

    [Fact]
    public void Two_processes_print_identical_bytes()
    {
        var first = RunProcess("simulate", "-f", "docs/examples/guestbook.yaml", "-o", "json");
        var second = RunProcess("simulate", "-f", "docs/examples/guestbook.yaml", "-o", "json");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        var table = RunProcess("simulate", "-f", "docs/examples/guestbook.yaml");
        Assert.Equal(Simulate(files: "docs/examples/guestbook.yaml").Stdout, table.Stdout);
    }

    [Fact]
    public void The_command_line_reports_bad_arguments_without_a_stack_trace()
    {
        var result = RunProcess("simulate", "--nodes", "many");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    private static string WriteTemp(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Runs the built kernelctl as a separate process (the same binary a user runs).</summary>
    private static CommandOutput RunProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kernelctl.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CommandOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_pi_Job_runs_to_completion_because_a_Jobs_simulated_pods_finish()
    {
        var result = Simulate(files: "docs/examples/pi-job.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Completed job/pi: Job completed", result.Stdout);
        Assert.Matches(@"job\.batch/pi\s+Complete\s+3/3", result.Stdout);
    }
}
