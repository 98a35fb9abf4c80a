namespace KubeKernel.Properties.Reports;

/// <summary>The report tests share one <see cref="ReportRuns"/>: the bug-zoo check behind it takes seconds.</summary>
/// <remarks>
/// They run alone, after the collections that run in parallel: each Chromium is half a dozen processes, which on a small
/// machine would starve the timing-sensitive tests beside them (serve's crash test counts writes acknowledged between kills).
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReportCollection : ICollectionFixture<ReportRuns>
{
    public const string Name = "reports";
}
