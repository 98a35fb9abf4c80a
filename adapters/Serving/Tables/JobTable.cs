using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get jobs</c> (v1.32): NAME STATUS COMPLETIONS DURATION AGE | wide: CONTAINERS IMAGES SELECTOR.</summary>
internal static class JobTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Status", "Status of the job."),
        TableColumn.Text("Completions", "The number of pods which reached phase Succeeded."),
        TableColumn.Text("Duration", "Time required to complete the job."),
        CommonColumns.Age,
        CommonColumns.Containers,
        CommonColumns.Images,
        TableColumn.Text("Selector", "A label query over pods that should match the pod count.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(Job job, long now)
    {
        var (names, images) = ContainerCells.Of(job.Spec.Template.Spec.Containers);
        return
        [
            job.Metadata.Name,
            JobStatusText.Of(job),
            Completions(job),
            Duration(job, now),
            CellText.Age(now, job.Metadata),
            names,
            images,
            LabelText.FormatLabelSelector(job.Spec.Selector),
        ];
    }

    /// <summary>Succeeded over completions; a work queue (no completions) needs one success, shown with its parallelism when above 1.</summary>
    /// <remarks>
    /// | completions | parallelism | succeeded | COMPLETIONS    |
    /// |-------------|-------------|-----------|----------------|
    /// | 3           | any         | 1         | <c>1/3</c>     |
    /// | unset       | 2           | 0         | <c>0/1 of 2</c> |
    /// | unset       | 1 or unset  | 0         | <c>0/1</c>     |
    /// </remarks>
    private static string Completions(Job job) => (job.Spec.Completions, job.Spec.Parallelism ?? 0) switch
    {
        ({ } completions, _) => string.Create(CultureInfo.InvariantCulture, $"{job.Status.Succeeded}/{completions}"),
        (null, > 1 and var parallelism) => string.Create(CultureInfo.InvariantCulture, $"{job.Status.Succeeded}/1 of {parallelism}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{job.Status.Succeeded}/1"),
    };

    /// <summary>Start to completion once complete, start to now while running, empty before the Job has started.</summary>
    private static string Duration(Job job, long now) => job.Status.StartTime is { } start
        ? CellText.Since(job.Status.CompletionTime ?? now, start)
        : string.Empty;
}
