namespace KubeKernel.Generators;

/// <summary>How far a checking run is: histories and events so far, for progress bars.</summary>
/// <param name="Histories">Histories checked so far.</param>
/// <param name="Total">The most the run checks (<see cref="CheckSettings.Histories"/>); it stops sooner at a violation or when its time budget runs out.</param>
/// <param name="Events">Reducer steps taken so far, over every history checked.</param>
/// <param name="Elapsed">Wall time since the run began: for display only, it never influences the run.</param>
public sealed record CheckProgress(int Histories, int Total, long Events, TimeSpan Elapsed);
