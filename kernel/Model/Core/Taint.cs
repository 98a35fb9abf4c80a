namespace KubeKernel.Model;

/// <summary>A node taint; pods that do not tolerate it are repelled according to its effect.</summary>
public sealed record Taint(string Key, string? Value, TaintEffect Effect, long? TimeAdded = null)
{
    /// <summary>The form the scheduler prints: <c>{key: value}</c>.</summary>
    public string Describe() => $"{{{Key}: {Value ?? string.Empty}}}";

    public override string ToString() => $"{Key}{(string.IsNullOrEmpty(Value) ? string.Empty : "=" + Value)}:{Effect}";
}
