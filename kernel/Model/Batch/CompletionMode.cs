namespace KubeKernel.Model;

/// <summary>How Job completions are tracked.</summary>
public enum CompletionMode
{
    NonIndexed,
    Indexed,
}
