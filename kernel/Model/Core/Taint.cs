namespace KubeKernel.Model;

/// <summary>A node taint; pods that do not tolerate it are repelled according to its effect.</summary>
/// <param name="Key">The taint key, e.g. <c>node.kubernetes.io/not-ready</c>.</param>
/// <param name="Value">The taint value, matched by <c>Equal</c> tolerations; null or empty for none.</param>
/// <param name="Effect">What the taint does to pods that do not tolerate it.</param>
/// <param name="TimeAdded"><c>timeAdded</c>, in logical milliseconds: when a controller put the taint on the node; null for taints set by a user.</param>
public sealed record Taint(string Key, string? Value, TaintEffect Effect, long? TimeAdded = null)
{
    /// <summary>The form the scheduler prints: <c>{key: value}</c>.</summary>
    public string Describe() => $"{{{Key}: {Value ?? string.Empty}}}";

    /// <summary>kubectl's form: <c>key=value:Effect</c>, or <c>key:Effect</c> without a value.</summary>
    public override string ToString() => $"{Key}{(string.IsNullOrEmpty(Value) ? string.Empty : "=" + Value)}:{Effect}";
}
