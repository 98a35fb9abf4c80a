namespace KubeKernel.Events;

/// <summary><c>DeleteOptions.propagationPolicy</c>.</summary>
public enum DeletionPropagation
{
    Background,
    Foreground,
    Orphan,
}
