namespace KubeKernel.Events;

/// <summary>How an object is submitted: POST, PUT or client-side apply (create or update).</summary>
public enum SubmitVerb
{
    /// <summary>POST: create a new object (a name or <c>generateName</c>); AlreadyExists when the name is taken.</summary>
    Create,
    /// <summary>PUT: replace an existing object's spec and metadata; NotFound when absent, Conflict when a non-zero resourceVersion is stale.</summary>
    Update,
    /// <summary>The default: create the object when absent, otherwise update it without a resourceVersion precondition, keeping server-set fields (as <c>kubectl apply</c> does).</summary>
    Apply,
    /// <summary>PUT of the <c>status</c> subresource: replaces only the status, keeping spec and metadata; NotFound when absent, Conflict when a non-zero resourceVersion is stale.</summary>
    UpdateStatus,
}
