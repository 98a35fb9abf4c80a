using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;

namespace KubeKernel.Properties.Api;

public class ValidationTests
{
    private static Deployment Web => Workloads.NewDeployment("web", 3, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    public static TheoryData<string, Deployment, string> Invalid => new()
    {
        { "negative replicas", Web with { Spec = Web.Spec with { Replicas = -1 } }, "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0" },
        { "missing selector", Web with { Spec = Web.Spec with { Selector = null } }, "Deployment.apps \"web\" is invalid: spec.selector: Required value" },
        {
            "selector not matching labels",
            Web with { Spec = Web.Spec with { Selector = LabelSelector.ForLabels(ValueMap.Of(("app", "other"))) } },
            "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
        },
        {
            "both maxSurge and maxUnavailable zero",
            Web with { Spec = Web.Spec with { Strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(0), IntOrString.FromString("0%"))) } },
            "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"
        },
        {
            "restartPolicy Never in a Deployment",
            Web with { Spec = Web.Spec with { Template = Web.Spec.Template with { Spec = Web.Spec.Template.Spec with { RestartPolicy = RestartPolicy.Never } } } },
            "Deployment.apps \"web\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
        },
        {
            "no containers",
            Web with { Spec = Web.Spec with { Template = Web.Spec.Template with { Spec = Web.Spec.Template.Spec with { Containers = default } } } },
            "Deployment.apps \"web\" is invalid: spec.template.spec.containers: Required value"
        },
        {
            "an upper-case name",
            Web with { Metadata = Web.Metadata with { Name = "Web" } },
            "Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_deployments_are_rejected_with_Kubernetes_messages_and_change_nothing(string name, Deployment deployment, string message)
    {
        var before = ClusterState.Initial();
        var step = Kernel.Step(before, new ObjectSubmitted("r1", deployment, SubmitVerb.Create));
        var reply = Assert.Single(step.Commands.OfType<Reply>());
        Assert.Equal(422, reply.Result.Code);
        Assert.True(message == reply.Result.Message, $"{name}: {reply.Result.Message}");
        Assert.Equal(before, step.State);
    }

    private static Job Batch => Workloads.NewJob("batch", 2, 3, 1, RestartPolicy.Never, null);

    public static TheoryData<string, Job, string?> JobUpdates => new()
    {
        { "parallelism changes", Batch with { Spec = Batch.Spec with { Parallelism = 3 } }, null },
        { "completions of a NonIndexed job change", Batch with { Spec = Batch.Spec with { Completions = 4 } }, "Job.batch \"batch\" is invalid: spec.completions: Invalid value: 4: field is immutable" },
        { "completions of a NonIndexed job are unset", Batch with { Spec = Batch.Spec with { Completions = null } }, "Job.batch \"batch\" is invalid: spec.completions: Invalid value: null: field is immutable" },
        {
            "the completion mode changes",
            Batch with { Spec = Batch.Spec with { CompletionMode = CompletionMode.Indexed } },
            "Job.batch \"batch\" is invalid: spec.completionMode: Invalid value: \"Indexed\": field is immutable"
        },
    };

    [Theory]
    [MemberData(nameof(JobUpdates))]
    public void A_job_update_keeps_completions_and_completion_mode(string name, Job update, string? message)
    {
        var state = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", Batch, SubmitVerb.Create)).State;
        var reply = Kernel.Step(state, new ObjectSubmitted("r2", update, SubmitVerb.Apply)).Commands.OfType<Reply>().Single();
        Assert.True(message == (reply.Result.Code == 422 ? reply.Result.Message : null), $"{name}: {reply.Result.Code} {reply.Result.Message}");
    }

    [Fact]
    public void An_indexed_job_changes_completions_only_in_tandem_with_parallelism()
    {
        var indexed = Batch with { Spec = Batch.Spec with { CompletionMode = CompletionMode.Indexed, Parallelism = 3 } };
        var state = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", indexed, SubmitVerb.Create)).State;
        var alone = Kernel.Step(state, new ObjectSubmitted("r2", indexed with { Spec = indexed.Spec with { Completions = 5 } }, SubmitVerb.Apply)).Commands.OfType<Reply>().Single();
        Assert.Equal("Job.batch \"batch\" is invalid: spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism", alone.Result.Message);
        var tandem = Kernel.Step(state, new ObjectSubmitted("r3", indexed with { Spec = indexed.Spec with { Completions = 5, Parallelism = 5 } }, SubmitVerb.Apply)).Commands.OfType<Reply>().Single();
        Assert.True(tandem.Result.Code < 300, tandem.Result.Message);
    }

    [Fact]
    public void Several_causes_are_listed_together()
    {
        var bad = Web with { Spec = Web.Spec with { Replicas = -1, Selector = null } };
        var reply = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", bad, SubmitVerb.Create)).Commands.OfType<Reply>().Single();
        Assert.Equal("Deployment.apps \"web\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]", reply.Result.Message);
    }

    [Fact]
    public void Creating_in_a_missing_namespace_is_NotFound()
    {
        var elsewhere = Web with { Metadata = Web.Metadata with { Namespace = "nowhere" } };
        var reply = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", elsewhere, SubmitVerb.Create)).Commands.OfType<Reply>().Single();
        Assert.Equal(404, reply.Result.Code);
        Assert.Equal("namespaces \"nowhere\" not found", reply.Result.Message);
    }

    [Fact]
    public void Creating_twice_is_AlreadyExists_and_a_stale_update_is_Conflict()
    {
        var state = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", Web, SubmitVerb.Create)).State;
        var again = Kernel.Step(state, new ObjectSubmitted("r2", Web, SubmitVerb.Create)).Commands.OfType<Reply>().Single();
        Assert.Equal("deployments.apps \"web\" already exists", again.Result.Message);

        var stored = state.Store.Get<Deployment>("default", "web")!;
        var stale = stored with { Metadata = stored.Metadata with { ResourceVersion = stored.Metadata.ResourceVersion - 1 }, Spec = stored.Spec with { Replicas = 5 } };
        var conflict = Kernel.Step(state, new ObjectSubmitted("r3", stale, SubmitVerb.Update));
        Assert.Equal(409, conflict.Commands.OfType<Reply>().Single().Result.Code);
        Assert.Equal("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again",
            conflict.Commands.OfType<Reply>().Single().Result.Message);
        Assert.Equal(state, conflict.State);
    }

    [Fact]
    public void Defaults_are_applied_on_create()
    {
        var bare = Web with { Spec = Web.Spec with { Replicas = null, RevisionHistoryLimit = null, ProgressDeadlineSeconds = null } };
        var stored = (Deployment)Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", bare, SubmitVerb.Create)).Commands.OfType<Reply>().Single().Result.Object!;
        Assert.Equal(1, stored.Spec.Replicas);
        Assert.Equal(10, stored.Spec.RevisionHistoryLimit);
        Assert.Equal(600, stored.Spec.ProgressDeadlineSeconds);
        Assert.Equal(IntOrString.FromString("25%"), stored.Spec.Strategy.RollingUpdate!.MaxSurge);
        Assert.Equal(30, stored.Spec.Template.Spec.TerminationGracePeriodSeconds);
        Assert.Equal(1, stored.Metadata.Generation);
    }

    [Fact]
    public void A_spec_change_bumps_generation_and_a_status_change_does_not()
    {
        var state = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", Web, SubmitVerb.Create)).State;
        var scaled = Kernel.Step(state, new ScaleRequested("r2", new ObjectKey("Deployment", "default", "web"), 5)).State;
        Assert.Equal(2, scaled.Store.Get<Deployment>("default", "web")!.Metadata.Generation);
        Assert.True(scaled.Store.Revision > state.Store.Revision);
    }
}
