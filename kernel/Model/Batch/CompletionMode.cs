namespace KubeKernel.Model;

/// <summary>How Job completions are tracked.</summary>
public enum CompletionMode
{
    /// <summary>Pods are interchangeable; the Job completes after <c>completions</c> successful pods (the default).</summary>
    NonIndexed,
    /// <summary>Each pod gets a completion index from 0 to <c>completions</c> − 1 (label and annotation <c>batch.kubernetes.io/job-completion-index</c>); the Job completes when every index has succeeded once.</summary>
    Indexed,
}
