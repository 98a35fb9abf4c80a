using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Model;

namespace KubeKernel.Properties.Controllers;

public class DeploymentMathTests
{
    [Theory]
    [InlineData(1, "25%", "25%", 1, 0)]
    [InlineData(3, "25%", "25%", 1, 0)]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(10, "25%", "25%", 3, 2)]
    [InlineData(10, "3", "2", 3, 2)]
    [InlineData(10, "0", "0%", 0, 1)]
    public void Surge_rounds_up_unavailable_rounds_down_and_both_zero_means_one_unavailable(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var (s, u) = DeploymentMath.ResolveFenceposts(Parse(surge), Parse(unavailable), replicas);
        Assert.Equal((expectedSurge, expectedUnavailable), (s, u));
    }

    [Theory]
    [InlineData("nginx:1.14.2", "nginx:1.14.2", true)]
    [InlineData("nginx:1.14.2", "nginx:1.25", false)]
    public void Templates_compare_equal_ignoring_the_hash_label(string a, string b, bool equal)
    {
        var left = Template(a).Metadata with { Labels = Template(a).Metadata.Labels.SetItem(DeploymentMath.PodTemplateHashLabel, "abc") };
        Assert.Equal(equal, DeploymentMath.EqualIgnoreHash(Template(a) with { Metadata = left }, Template(b)));
    }

    [Fact]
    public void The_template_hash_is_stable_and_changes_with_the_template_or_collision_count()
    {
        var hash = DeploymentMath.ComputeHash(Template("nginx"), null);
        Assert.Equal(hash, DeploymentMath.ComputeHash(Template("nginx"), null));
        Assert.NotEqual(hash, DeploymentMath.ComputeHash(Template("redis"), null));
        Assert.NotEqual(hash, DeploymentMath.ComputeHash(Template("nginx"), 1));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
    }

    [Fact]
    public void Recreate_and_zero_replica_Deployments_allow_no_unavailable_pods_and_no_surge()
    {
        var rolling = Web(10, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(2), IntOrString.FromInt(3))));
        Assert.Equal((3, 2), (DeploymentMath.MaxSurge(rolling), DeploymentMath.MaxUnavailable(rolling)));
        var recreate = rolling with { Spec = rolling.Spec with { Strategy = rolling.Spec.Strategy with { Type = DeploymentStrategyType.Recreate } } };
        Assert.Equal((0, 0), (DeploymentMath.MaxSurge(recreate), DeploymentMath.MaxUnavailable(recreate)));
        Assert.Equal(0, DeploymentMath.MaxUnavailable(rolling with { Spec = rolling.Spec with { Replicas = 0 } }));
    }

    [Theory]
    [InlineData(0, 10, 3)] // replicas 10, maxSurge 3, old at 10: the new ReplicaSet goes to 13 − 10 = 3
    [InlineData(3, 10, 3)] // old still at 10, 13 pods already: no room, it stays
    [InlineData(3, 5, 8)] // old scaled to 5: 8 pods, room for 5 more, but only 7 are wanted
    [InlineData(10, 0, 10)] // already at replicas: unchanged
    [InlineData(12, 0, 10)] // above replicas: back down to replicas
    public void The_new_ReplicaSet_grows_by_at_most_the_surge(int newReplicas, int oldReplicas, int expected)
    {
        var d = Web(10, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(2), IntOrString.FromInt(3))));
        var newRS = ReplicaSetOf(newReplicas, "2");
        Assert.Equal(expected, DeploymentMath.NewReplicaSetReplicas(d, [ReplicaSetOf(oldReplicas, "1"), newRS], newRS));
    }

    /// <summary>
    /// Kubernetes' TestNewRSNewReplicas (deployment_util_test.go): maxUnavailable 1, and the ReplicaSets counted are one
    /// other ReplicaSet of 5 (the new ReplicaSet is not among them).
    /// </summary>
    [Theory]
    [InlineData("can not scale up - to newRSReplicas", DeploymentStrategyType.RollingUpdate, 1, 5, 1, 5)]
    [InlineData("scale up - to depReplicas", DeploymentStrategyType.RollingUpdate, 6, 2, 10, 6)]
    [InlineData("recreate - to depReplicas", DeploymentStrategyType.Recreate, 3, 1, 1, 3)]
    public void TestNewRSNewReplicas(string name, DeploymentStrategyType strategy, int depReplicas, int newRSReplicas, int maxSurge, int expected)
    {
        var d = Web(depReplicas, new DeploymentStrategy(strategy, new RollingUpdateDeployment(IntOrString.FromInt(1), IntOrString.FromInt(maxSurge))));
        var newRS = ReplicaSetOf(newRSReplicas, "2");
        Assert.True(expected == DeploymentMath.NewReplicaSetReplicas(d, [ReplicaSetOf(5, "1")], newRS), name);
    }

    /// <summary>Kubernetes' TestGetReplicaSetFraction (deployment_util_test.go), row by row; maxUnavailable is 1 throughout.</summary>
    public static TheoryData<string, int, int, int, int, string?, int> ReplicaSetFractions => new()
    {
        { "empty deployment always scales to 0", 0, 0, 0, 10, null, -10 },
        { "unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)", 10, 0, 0, 5, null, 0 },
        { "unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)", 10, 0, 0, 5, "0", 0 },
        { "scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)", 120, 100, 0, 50, null, 10 },
        { "scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)", 120, 100, 0, 50, "0", 10 },
        { "scale up by 1/5 should increase RS replicas by 1/5", 120, 0, 0, 50, "100", 10 },
        { "scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5", 120, 0, 10, 50, "110", 9 },
        { "scale down by 1/6 should decrease RS replicas by 1/6", 10, 0, 0, 6, "12", -1 },
        { "scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6", 100, 0, 10, 50, "130", -8 },
    };

    [Theory]
    [MemberData(nameof(ReplicaSetFractions))]
    public void TestGetReplicaSetFraction(string name, int replicas, int statusReplicas, int maxSurge, int rsReplicas, string? maxReplicas, int expected)
    {
        var d = Web(replicas, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(1), IntOrString.FromInt(maxSurge))));
        d = d with { Status = d.Status with { Replicas = statusReplicas } };
        var rs = ReplicaSetOf(rsReplicas, "1");
        if (maxReplicas is not null)
        {
            rs = rs with { Metadata = rs.Metadata with { Annotations = rs.Metadata.Annotations.SetItem(DeploymentMath.MaxReplicasAnnotation, maxReplicas) } };
        }

        Assert.True(expected == DeploymentMath.ReplicaSetFraction(d, rs), name);
    }

    [Fact]
    public void A_Recreate_Deployment_sizes_its_new_ReplicaSet_to_replicas_at_once()
    {
        var d = Web(4, new DeploymentStrategy(DeploymentStrategyType.Recreate, null));
        var newRS = ReplicaSetOf(0, "2");
        Assert.Equal(4, DeploymentMath.NewReplicaSetReplicas(d, [ReplicaSetOf(4, "1"), newRS], newRS));
    }

    [Theory]
    [InlineData(3, 3, 3, 3, 3, true)]
    [InlineData(3, 3, 3, 2, 3, false)] // one not yet available
    [InlineData(3, 2, 3, 3, 3, false)] // one not yet updated
    [InlineData(3, 3, 4, 3, 3, false)] // an old pod still counted
    [InlineData(3, 3, 3, 3, 2, false)] // the latest generation not yet observed
    public void A_rollout_is_complete_only_when_every_count_matches_and_the_generation_is_observed(int replicas, int updated, int total, int available, long observed, bool complete)
    {
        var d = Web(replicas, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        d = d with { Metadata = d.Metadata with { Generation = 3 } };
        Assert.Equal(complete, DeploymentMath.IsComplete(d, new DeploymentStatus(observed, total, updated, available, available)));
    }

    [Theory]
    [InlineData(1, 0, 0, 0, true)] // one more updated
    [InlineData(0, -1, 0, 0, true)] // one fewer old pod (total down, updated the same)
    [InlineData(0, 0, 1, 0, true)] // one more ready
    [InlineData(0, 0, 0, 1, true)] // one more available
    [InlineData(0, 0, 0, 0, false)] // nothing moved
    [InlineData(-1, -1, -1, -1, false)] // everything went back
    [InlineData(1, 1, 0, 0, true)] // a new pod that replaced nothing yet still counts as progress
    public void Progress_is_more_updated_fewer_old_more_ready_or_more_available(int updated, int total, int ready, int available, bool progressing)
    {
        var d = Web(10, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        d = d with { Status = new DeploymentStatus(1, Replicas: 10, UpdatedReplicas: 5, ReadyReplicas: 8, AvailableReplicas: 8) };
        var next = new DeploymentStatus(1, Replicas: 10 + total, UpdatedReplicas: 5 + updated, ReadyReplicas: 8 + ready, AvailableReplicas: 8 + available);
        Assert.Equal(progressing, DeploymentMath.IsProgressing(d, next));
    }

    [Theory]
    [InlineData(600_000, false)] // exactly lastUpdateTime + 600 s: not yet (Kubernetes' From.Add(deadline).Before(now))
    [InlineData(600_001, true)]
    public void The_progress_deadline_expires_strictly_after_lastUpdateTime_plus_the_deadline(long now, bool timedOut)
    {
        var d = Web(3, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        d = d with { Spec = d.Spec with { ProgressDeadlineSeconds = 600 } };
        var updating = new Condition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.ReplicaSetUpdated, "", LastTransitionTime: -5_000, LastUpdateTime: 0);
        Assert.Equal(timedOut, DeploymentMath.IsTimedOut(d, new DeploymentStatus(Conditions: [updating]), now));

        // Without a lastUpdateTime the transition time counts.
        var transitioned = updating with { LastTransitionTime = 0, LastUpdateTime = null };
        Assert.Equal(timedOut, DeploymentMath.IsTimedOut(d, new DeploymentStatus(Conditions: [transitioned]), now));

        // A finished rollout never times out; an exceeded deadline stays exceeded; no deadline never expires.
        Assert.False(DeploymentMath.IsTimedOut(d, new DeploymentStatus(Conditions: [updating with { Reason = DeploymentConditions.NewReplicaSetAvailable }]), long.MaxValue));
        Assert.True(DeploymentMath.IsTimedOut(d, new DeploymentStatus(Conditions: [updating with { Reason = DeploymentConditions.ProgressDeadlineExceeded }]), 0));
        Assert.False(DeploymentMath.IsTimedOut(d with { Spec = d.Spec with { ProgressDeadlineSeconds = null } }, new DeploymentStatus(Conditions: [updating]), long.MaxValue));
    }

    [Fact]
    public void The_revision_is_the_highest_any_ReplicaSet_carries()
    {
        Assert.Equal(7, DeploymentMath.MaxRevision([ReplicaSetOf(1, "2"), ReplicaSetOf(1, "7"), ReplicaSetOf(1, "5")]));
        Assert.Equal(0, DeploymentMath.MaxRevision([]));
    }

    [Fact]
    public void A_new_ReplicaSet_copies_every_annotation_but_last_applied_and_the_deployment_controller_s_own()
    {
        var d = Web(1, new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        d = d with
        {
            Metadata = d.Metadata with
            {
                Annotations = KubeKernel.Collections.ValueMap.Of(
                    ("team", "web"),
                    (DeploymentMath.LastAppliedAnnotation, "{}"),
                    (DeploymentMath.RevisionAnnotation, "3"),
                    ("example.com/deployment.kubernetes.io/x", "kept")),
            },
        };
        Assert.Equal(KubeKernel.Collections.ValueMap.Of(("example.com/deployment.kubernetes.io/x", "kept"), ("team", "web")), DeploymentMath.CopyableAnnotations(d));
    }

    private static Deployment Web(int replicas, DeploymentStrategy strategy) => KubeKernel.Generators.Workloads.NewDeployment("web", replicas, "nginx", "10m", strategy);

    private static ReplicaSet ReplicaSetOf(int replicas, string revision) => new(
        new ObjectMeta { Name = "web-" + revision, Namespace = "default", Annotations = KubeKernel.Collections.ValueMap.Of((DeploymentMath.RevisionAnnotation, revision)) },
        new ReplicaSetSpec(replicas, 0, LabelSelector.ForLabels(KubeKernel.Collections.ValueMap.Of(("app", "web"))), Template("nginx")),
        new ReplicaSetStatus());

    private static PodTemplateSpec Template(string image) =>
        new(new ObjectMeta { Labels = KubeKernel.Collections.ValueMap.Of(("app", "web")) }, new PodSpec { Containers = [new Container { Name = "c", Image = image }] });

    private static IntOrString Parse(string text) =>
        text.EndsWith('%') ? IntOrString.FromString(text) : IntOrString.FromInt(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
