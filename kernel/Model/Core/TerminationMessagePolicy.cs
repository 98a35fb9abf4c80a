namespace KubeKernel.Model;

/// <summary>A container's <c>terminationMessagePolicy</c>: where its termination message comes from.</summary>
public enum TerminationMessagePolicy
{
    /// <summary>The file at <c>terminationMessagePath</c> (the default).</summary>
    File,

    /// <summary>The file, or the end of the container's log when the file is empty and the container failed.</summary>
    FallbackToLogsOnError,
}
