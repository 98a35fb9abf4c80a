namespace KubeKernel;

/// <summary>Marks a parameter whose sequence is consumed without regard to its order, so an unordered set or dictionary may be passed (rule KRN1002).</summary>
/// <remarks>
/// Put it only where the result cannot depend on the order, e.g. a map built by key with unique keys. See
/// <c>analyzers/rules/KRN1002.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class OrderInsensitiveAttribute : Attribute;
