namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>How a list field merges, in the words of the OpenAPI extension <c>x-kubernetes-list-type</c>.</summary>
internal enum ListType
{
    /// <summary>Replaced wholesale by a patch and owned as one field (command, args, tolerations, and every untagged list).</summary>
    Atomic,

    /// <summary>A list of objects merged item by item on a merge key (<c>patchStrategy:"merge" patchMergeKey:"…"</c>).</summary>
    Map,

    /// <summary>A list of scalars merged as a set (<c>patchStrategy:"merge"</c> without a key, such as metadata.finalizers).</summary>
    Set,
}
