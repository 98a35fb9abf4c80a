namespace KubeKernel.Properties.Reports;

/// <summary>The report tests share one <see cref="ReportRuns"/>: the bug-zoo check behind it takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportRuns>
{
    public const string Name = "reports";
}
