namespace KubeKernel.Properties.Cli;

/// <summary>kernelctl's command line: unknown options are errors, conversion errors are in plain words, --version prints the version.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("simulate -f docs/examples/nginx-deployment.yaml -n prod", "error: Unknown option 'n'.")]
    [InlineData("simulate -f docs/examples/nginx-deployment.yaml --bogus-flag 7", "error: Unknown option 'bogus-flag'.")]
    [InlineData("simulate -f docs/examples/nginx-deployment.yaml --nodes abc", "error: 'abc' is not a valid value for this option: it expects a whole number")]
    [InlineData("serve --port 70000", "error: --port: 70000 is not a port (0-65535)")]
    [InlineData("serve --cluster-cidr 10.244.0.0/25", "error: --cluster-cidr: 10.244.0.0/25 is smaller than one node's /24 pod CIDR")]
    public async Task A_mistake_on_the_command_line_exits_2_with_one_plain_line(string args, string expected)
    {
        var (code, stdout, stderr) = await Serving.Kernelctl.Run(args.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.Trim());
        Assert.DoesNotContain("`", stderr + stdout);
    }

    [Fact]
    public async Task Version_prints_the_packages_version()
    {
        var (code, stdout, _) = await Serving.Kernelctl.Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(typeof(KubeKernel.Kernel).Assembly.GetName().Version!.ToString(3), stdout.Trim());
    }

    [Fact]
    public async Task The_kernelctl_script_at_the_root_runs_the_built_tool()
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            WorkingDirectory = Support.Approvals.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("kernelctl");
        start.ArgumentList.Add("--version");
        var (code, stdout, stderr) = await Serving.BoundedProcess.Run(start, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, stderr);
        Assert.Equal(typeof(KubeKernel.Kernel).Assembly.GetName().Version!.ToString(3), stdout.Trim());
    }
}
