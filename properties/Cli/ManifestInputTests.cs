using KubeKernel.Adapters.Manifests;
using KubeKernel.Cli.Simulate;
using KubeKernel.Model;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

/// <summary>What <c>simulate -f</c> reads, as kubectl reads it: directories (and <c>-R</c>), standard input, Lists, and nothing.</summary>
public class ManifestInputTests
{
    [Fact]
    public void An_empty_file_is_an_error_as_kubectl_apply_says_it()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var result = SimulateRunner.Run([empty], null, "table");
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("error: no objects passed to apply\n", result.Stderr);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void Simulate_reads_back_its_own_yaml_and_json_output_as_the_same_objects()
    {
        foreach (var format in new[] { "yaml", "json" })
        {
            var first = SimulateRunner.Run(["docs/examples/nginx-deployment.yaml"], null, format, Approvals.RepositoryRoot);
            Assert.Equal(0, first.ExitCode);
            var objects = ManifestReader.Read(first.Stdout, "output").Select(d => d.Object.Key).ToList();
            Assert.Contains(new ObjectKey("Deployment", "default", "nginx-deployment"), objects);
            Assert.True(objects.Count(k => k.Kind == "Pod") == 3, $"{format}: {objects.Count} objects read back");

            var output = Path.Combine(Path.GetTempPath(), $"simulate-output-{Guid.NewGuid():N}.{format}");
            File.WriteAllText(output, first.Stdout);
            try
            {
                Assert.Equal(0, SimulateRunner.Run([output], null, "table").ExitCode);
            }
            finally
            {
                File.Delete(output);
            }
        }
    }

    [Fact]
    public void A_directory_is_its_manifest_files_in_name_order_and_R_adds_its_subdirectories()
    {
        var directory = Directory.CreateTempSubdirectory("manifests-").FullName;
        try
        {
            File.Copy(Path.Combine(Approvals.RepositoryRoot, "docs/examples/nginx-deployment.yaml"), Path.Combine(directory, "a.yaml"));
            File.WriteAllText(Path.Combine(directory, "notes.txt"), "not a manifest");
            Directory.CreateDirectory(Path.Combine(directory, "more"));
            File.Copy(Path.Combine(Approvals.RepositoryRoot, "docs/examples/pi-job.yaml"), Path.Combine(directory, "more", "job.yml"));

            var flat = ManifestReader.ReadPath(directory, "dir", recursive: false);
            Assert.All(flat, d => Assert.Equal(Path.Combine("dir", "a.yaml"), d.File));
            var deep = ManifestReader.ReadPath(directory, "dir", recursive: true);
            Assert.Contains(deep, d => d.Object is Job);
            Assert.Equal(flat.Count + 1, deep.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        var text = File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, "docs/examples/nginx-deployment.yaml"));
        var documents = ManifestReader.ReadPath(ManifestReader.StandardInput, ManifestReader.StandardInput, recursive: false, new StringReader(text));
        var deployment = Assert.Single(documents);
        Assert.Equal("STDIN", deployment.File);
        Assert.IsType<Deployment>(deployment.Object);
    }

    [Fact]
    public void Applying_the_same_object_again_is_unchanged_and_persists_nothing()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n");
        try
        {
            var result = SimulateRunner.Run([file, file], null, "table");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("namespace/team created, persisted at revision", result.Stdout);
            Assert.Matches(@"namespace/team unchanged, nothing persisted \(still at revision \d+\)", result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Output_name_lists_every_object_as_kind_group_slash_name_and_wide_adds_the_wide_columns()
    {
        var names = SimulateRunner.Run(["docs/examples/nginx-deployment.yaml"], null, "name", Approvals.RepositoryRoot);
        Assert.Equal(0, names.ExitCode);
        Assert.Contains("deployment.apps/nginx-deployment\n", names.Stdout);
        Assert.Contains("namespace/default\n", names.Stdout);
        Assert.All(names.Stdout.TrimEnd('\n').Split('\n'), line => Assert.Matches("^[a-z0-9.]+/[a-z0-9.-]+$", line));

        var wide = SimulateRunner.Run(["docs/examples/nginx-deployment.yaml"], null, "wide", Approvals.RepositoryRoot);
        var table = SimulateRunner.Run(["docs/examples/nginx-deployment.yaml"], null, "table", Approvals.RepositoryRoot);
        Assert.Matches(@"AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR", wide.Stdout);
        Assert.DoesNotContain("SELECTOR", table.Stdout);
    }
}
