using KubeKernel.Cli.Output;

namespace KubeKernel.Properties.Cli;

/// <summary><c>-o yaml</c> quotes a string exactly when kubectl's printer (go-yaml, YAML 1.1) would.</summary>
public class KubectlYamlQuotingTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("1", true)]
    [InlineData("110", true)]
    [InlineData("1e3", true)]
    [InlineData("0.5", true)]
    [InlineData("False", true)]
    [InlineData("yes", true)]
    [InlineData("null", true)]
    [InlineData("2026-01-01T00:00:00Z", true)]
    [InlineData("500m", false)]
    [InlineData("64Mi", false)]
    [InlineData("10.244.0.2", false)]
    [InlineData("nginx:1.14.2", false)]
    [InlineData("Running", false)]
    public void A_string_is_quoted_when_plain_YAML_would_read_it_as_something_else(string text, bool quoted) =>
        Assert.Equal(quoted, KubectlYamlQuoting.ReadsAsNonString(text));
}
