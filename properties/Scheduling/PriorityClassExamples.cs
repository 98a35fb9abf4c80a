using KubeKernel.Api.Admission;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>The Priority admission plugin and PriorityClass validation, with Kubernetes' messages.</summary>
public class PriorityClassExamples
{
    private static ApiResult Submit(ClusterState state, KubeObject obj) =>
        Kernel.Step(state, new ObjectSubmitted("r", obj)).Commands.OfType<Reply>().Single().Result;

    [Fact]
    public void A_pod_gets_its_classs_value_and_preemption_policy()
    {
        var state = With().Submit(new PriorityClass(ObjectMeta.Named("batch"), 100, PreemptionPolicy: PreemptionPolicy.Never))
            .Submit(Pod("job").With(s => s with { PriorityClassName = "batch" }));
        Assert.Equal(100, state.Stored("job").Spec.Priority);
        Assert.Equal(PreemptionPolicy.Never, state.Stored("job").Spec.PreemptionPolicy);
    }

    [Fact]
    public void A_pod_without_a_class_gets_the_global_default_or_zero()
    {
        var plain = With().Submit(Pod("a"));
        Assert.Equal(0, plain.Stored("a").Spec.Priority);
        Assert.Equal(PreemptionPolicy.PreemptLowerPriority, plain.Stored("a").Spec.PreemptionPolicy);
        Assert.Null(plain.Stored("a").Spec.PriorityClassName);

        var defaulted = With().Submit(new PriorityClass(ObjectMeta.Named("standard"), 7, GlobalDefault: true)).Submit(Pod("b"));
        Assert.Equal(7, defaulted.Stored("b").Spec.Priority);
        Assert.Equal("standard", defaulted.Stored("b").Spec.PriorityClassName);
    }

    [Fact]
    public void The_built_in_classes_always_exist()
    {
        var state = With().Submit(Pod("dns", ns: "kube-system").With(s => s with { PriorityClassName = "system-cluster-critical" }));
        Assert.Equal(PriorityAdmission.SystemClusterCritical.Value, state.Stored("dns", "kube-system").Spec.Priority);
    }

    [Theory]
    [InlineData("missing", null, "pods \"p\" is forbidden: no PriorityClass with name missing was found")]
    [InlineData("batch", 5, "pods \"p\" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 100 from the given PriorityClass name")]
    public void Unknown_classes_and_conflicting_priorities_are_forbidden(string className, int? priority, string message)
    {
        var state = With().Submit(new PriorityClass(ObjectMeta.Named("batch"), 100));
        var result = Submit(state, Pod("p").With(s => s with { PriorityClassName = className, Priority = priority }));
        Assert.Equal(403, result.Code);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("too-high", 1_000_000_001, "PriorityClass.scheduling.k8s.io \"too-high\" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000")]
    [InlineData("system-mine", 5, "PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class")]
    public void User_classes_are_bounded_and_the_system_prefix_is_reserved(string name, int value, string message) =>
        Assert.Equal(message, Submit(With(), new PriorityClass(ObjectMeta.Named(name), value)).Message);
}
