namespace KubeKernel.Generators;

/// <summary>How far a checking run is: histories and events so far, for progress bars.</summary>
public sealed record CheckProgress(int Histories, int Total, long Events, TimeSpan Elapsed);
