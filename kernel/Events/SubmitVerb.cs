namespace KubeKernel.Events;

/// <summary>How an object is submitted: POST, PUT or client-side apply (create or update).</summary>
public enum SubmitVerb
{
    Create,
    Update,
    Apply,
}
