using System.Diagnostics;
using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

/// <summary>
/// Kinds Kubernetes serves but kernelctl does not model are reported as such, not as unknown kinds; <c>--skip-unsupported</c>
/// leaves them out, one warning each, and runs the rest. A pod reading a ConfigMap and a Secret simulates to Available.
/// </summary>
public class UnsupportedKindTests
{
    public static TheoryData<string, string> Unmodelled => new()
    {
        { "apps/v1", "StatefulSet" },
        { "apps/v1", "DaemonSet" },
        { "batch/v1", "CronJob" },
        { "autoscaling/v2", "HorizontalPodAutoscaler" },
        { "policy/v1", "PodDisruptionBudget" },
        { "v1", "LimitRange" },
        { "v1", "ResourceQuota" },
        { "storage.k8s.io/v1", "StorageClass" },
        { "v1", "ReplicationController" },
        { "rbac.authorization.k8s.io/v1", "Role" },
    };

    [Theory]
    [MemberData(nameof(Unmodelled))]
    public void A_kind_kernelctl_does_not_model_is_reported_as_not_supported_with_exit_code_2(string apiVersion, string kind)
    {
        var file = WriteTemp($"apiVersion: v1\nkind: Namespace\nmetadata: {{name: ok}}\n---\napiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\n");
        var result = SimulateRunner.Run([file], null, "table");
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Equal($"error: kind \"{kind}\" is not supported by kernelctl, in {file} (document 2, line 5); --skip-unsupported runs the rest without it\n", result.Stderr);
    }

    [Fact]
    public void A_kind_Kubernetes_does_not_know_is_still_no_matches_for_kind()
    {
        var file = WriteTemp("apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: x}\n");
        var result = SimulateRunner.Run([file], null, "table", skipUnsupported: true);
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Contains("no matches for kind \"StatefulSet\" in version \"apps/v1beta1\"", result.Stderr);
    }

    [Fact]
    public void Skip_unsupported_warns_once_per_document_and_runs_the_rest()
    {
        var file = WriteTemp("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: pdb}
            """);
        var result = SimulateRunner.Run([file], null, "table", skipUnsupported: true);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $"warning: skipping {file} (document 1, line 1): kind \"StatefulSet\" is not supported by kernelctl\n" +
            $"warning: skipping {file} (document 3, line 10): kind \"PodDisruptionBudget\" is not supported by kernelctl\n",
            result.Stderr);
        Assert.Contains("Simulating 1 object(s)", result.Stdout);
        Assert.Matches(@"pod/web\s+1/1\s+Running", result.Stdout);
    }

    [Fact]
    public void Skip_unsupported_with_nothing_left_says_so_after_the_warnings()
    {
        var file = WriteTemp("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\n");
        var result = SimulateRunner.Run([file], null, "table", skipUnsupported: true);
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Equal($"warning: skipping {file} (document 1, line 1): kind \"CronJob\" is not supported by kernelctl\nerror: no objects passed to apply\n", result.Stderr);
    }

    [Fact]
    public void The_command_line_takes_skip_unsupported()
    {
        var file = WriteTemp("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        var (exitCode, stdout, stderr) = RunProcess("simulate", "-f", file, "--skip-unsupported", "--trace", "none");
        Assert.Equal(0, exitCode);
        Assert.Contains("kind \"DaemonSet\" is not supported by kernelctl", stderr);
        Assert.Contains("Simulating 1 object(s)", stdout);
    }

    [Fact]
    public void The_configmap_env_example_runs_to_Available()
    {
        var result = SimulateRunner.Run(["docs/examples/configmap-env.yaml"], null, "table", Approvals.RepositoryRoot);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Matches(@"deployment\.apps/web\s+2/2\s+2\s+2", result.Stdout);
        Assert.DoesNotContain("CreateContainerConfigError", result.Stdout);
    }

    /// <summary>Runs the built kernelctl as a separate process, as a user runs it.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Approvals.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kernelctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string WriteTemp(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
