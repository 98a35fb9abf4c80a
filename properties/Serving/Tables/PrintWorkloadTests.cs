using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintDeployment</c>, <c>TestPrintReplicaSet</c> and <c>TestPrintJob</c> cases, on kernel objects.</summary>
/// <remarks>Go's objects are created 1.9 s in the future, which prints as <c>0s</c>; kernel objects are printed at their creation.</remarks>
public class PrintWorkloadTests
{
    private static readonly PodTemplateSpec FakeContainers = Template(("fake-container1", "fake-image1"), ("fake-container2", "fake-image2"));

    [Fact]
    public void TestPrintDeployment()
    {
        var deployment = new Deployment(
            Meta("test1"),
            new DeploymentSpec { Replicas = 5, Template = FakeContainers, Selector = Selector("foo", "bar") },
            new DeploymentStatus(Replicas: 10, UpdatedReplicas: 2, AvailableReplicas: 1, UnavailableReplicas: 4));
        Assert.Equal(["test1", "0/5", 2L, 1L, "0s", "fake-container1,fake-container2", "fake-image1,fake-image2", "foo=bar"], ResourceTables.Cells(deployment, 0));
    }

    [Fact]
    public void TestPrintReplicaSet()
    {
        var replicaSet = new ReplicaSet(
            Meta("test1"),
            new ReplicaSetSpec(5, 0, Selector("foo", "bar"), FakeContainers),
            new ReplicaSetStatus(Replicas: 5, ReadyReplicas: 2));
        Assert.Equal(["test1", 5L, 5L, 2L, "0s", "fake-container1,fake-container2", "fake-image1,fake-image2", "foo=bar"], ResourceTables.Cells(replicaSet, 0));
    }

    private static Job Job(string name, int? completions = null, int? parallelism = null, JobStatus? status = null) => new(
        Meta(name),
        new JobSpec { Completions = completions, Parallelism = parallelism, Template = Template(("fake-job-container1", "fake-job-image1"), ("fake-job-container2", "fake-job-image2")), Selector = Selector("job-label", "job-lable-value") },
        status ?? new JobStatus());

    private const long Minute = 60_000;

    public static TheoryData<string, Job, long, string[]> Jobs => new()
    {
        { "job1: completions 2, one succeeded, not started", Job("job1", completions: 2, status: new JobStatus(Succeeded: 1)), 0, ["job1", "Running", "1/2", "", "0s"] },
        { "job2: no completions", Job("job2"), 0, ["job2", "Running", "0/1", "", "0s"] },
        { "job3: started at 1m, completed at 31m", Job("job3", status: new JobStatus(StartTime: Minute, CompletionTime: 31 * Minute)), 40 * Minute, ["job3", "Running", "0/1", "30m", "40m"] },
        { "job4: started 20m ago, still running", Job("job4", status: new JobStatus(StartTime: 0)), 20 * Minute, ["job4", "Running", "0/1", "20m", "20m"] },
        { "job5: Complete", Job("job5", status: new JobStatus(StartTime: Minute, CompletionTime: 31 * Minute, Conditions: [True(JobConditions.Complete)])), 40 * Minute, ["job5", "Complete", "0/1", "30m", "40m"] },
        { "job6: Failed", Job("job6", status: new JobStatus(StartTime: Minute, Conditions: [True(JobConditions.FailureTarget), True(JobConditions.Failed)])), 31 * Minute, ["job6", "Failed", "0/1", "30m", "31m"] },
        { "job7: Suspended", Job("job7", status: new JobStatus(Conditions: [True(JobConditions.Suspended)])), 0, ["job7", "Suspended", "0/1", "", "0s"] },
        { "job8: FailureTarget", Job("job8", status: new JobStatus(Conditions: [True(JobConditions.FailureTarget)])), 0, ["job8", "FailureTarget", "0/1", "", "0s"] },
        { "job9: SuccessCriteriaMet prints Running in v1.32", Job("job9", completions: 1, status: new JobStatus(Succeeded: 1, Conditions: [True(JobConditions.SuccessCriteriaMet)])), 0, ["job9", "Running", "1/1", "", "0s"] },
        { "job10: a work queue of parallelism 2", Job("job10", parallelism: 2), 0, ["job10", "Running", "0/1 of 2", "", "0s"] },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void TestPrintJob(string name, Job job, long now, string[] expected)
    {
        var cells = ResourceTables.Cells(job, now);
        Assert.StartsWith(expected[0], name, StringComparison.Ordinal);
        Assert.Equal(expected, cells.Take(5));
        Assert.Equal(["fake-job-container1,fake-job-container2", "fake-job-image1,fake-job-image2", "job-label=job-lable-value"], cells.Skip(5));
    }

    [Fact]
    public void A_job_being_deleted_is_Terminating_until_it_has_finished()
    {
        var deleting = Job("job", status: new JobStatus(Conditions: [True(JobConditions.FailureTarget)]));
        deleting = deleting with { Metadata = deleting.Metadata with { DeletionTimestamp = 0 } };
        Assert.Equal("Terminating", ResourceTables.Cells(deleting, 0)[1]);
        var finished = deleting with { Status = new JobStatus(Conditions: [True(JobConditions.Complete)]) };
        Assert.Equal("Complete", ResourceTables.Cells(finished, 0)[1]);
    }
}
