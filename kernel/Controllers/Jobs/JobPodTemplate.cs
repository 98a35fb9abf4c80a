using System.Globalization;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Jobs;

/// <summary>The pods a Job creates: its template with the Job's labels, owner reference and tracking finalizer, and for Indexed Jobs the completion index.</summary>
/// <remarks>
/// Kubernetes adds the Job's labels to the template when the Job is created; the kernel adds them to each pod, which
/// gives the same pods. The finalizer keeps a finished pod in the store until the Job has counted it.
/// </remarks>
internal static class JobPodTemplate
{
    /// <summary>Kubernetes caps a generated name's prefix so the random suffix still fits the 63-character limit.</summary>
    private const int MaxGenerateNameLength = 58;

    public static Pod NewPod(Job job, int? index)
    {
        var template = job.Spec.Template;
        var uid = job.Metadata.Uid;
        var labels = template.Metadata.Labels
            .SetItem(JobMath.ControllerUidLabel, uid).SetItem(JobMath.JobNameLabel, job.Metadata.Name)
            .SetItem(JobMath.LegacyControllerUidLabel, uid).SetItem(JobMath.LegacyJobNameLabel, job.Metadata.Name);
        var annotations = template.Metadata.Annotations;
        var spec = template.Spec;
        var generateName = ReplicaSetMath.GenerateNamePrefix(job.Metadata.Name);
        if (index is { } ix)
        {
            // The index goes on the pod as label and annotation, into its hostname, and into its name (podGenerateNameWithIndex).
            var text = ix.ToString(CultureInfo.InvariantCulture);
            labels = labels.SetItem(JobMath.CompletionIndexAnnotation, text);
            annotations = annotations.SetItem(JobMath.CompletionIndexAnnotation, text);
            spec = spec with { Hostname = $"{job.Metadata.Name}-{text}" };
            generateName = GenerateNameWithIndex(job.Metadata.Name, text);
        }

        return new Pod(
            new ObjectMeta
            {
                GenerateName = generateName,
                Namespace = job.Metadata.Namespace,
                Labels = labels,
                Annotations = annotations,
                OwnerReferences = [ControllerRefManager.ControllerRef(job)],
                Finalizers = [JobMath.TrackingFinalizer],
            },
            spec,
            new PodStatus());
    }

    /// <summary><c>podGenerateNameWithIndex</c>: <c>&lt;job&gt;-&lt;index&gt;-</c>, the Job's name cut so the whole stays within the limit.</summary>
    private static string GenerateNameWithIndex(string jobName, string index)
    {
        var suffix = $"-{index}-";
        var generateName = jobName + suffix;
        return generateName.Length > MaxGenerateNameLength ? generateName[..(MaxGenerateNameLength - suffix.Length)] + suffix : generateName;
    }
}
