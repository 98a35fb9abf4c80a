namespace KubeKernel.Model;

/// <summary>The kinds of resource name Kubernetes tells apart (<c>pkg/apis/core/v1/helper</c>): native, extended, hugepages, scalar.</summary>
/// <remarks>
/// | name                         | native | extended | hugepages | scalar (counted by name in the scheduler) |
/// |------------------------------|--------|----------|-----------|-------------------------------------------|
/// | cpu, memory                  | yes    | no       | no        | no                                        |
/// | hugepages-2Mi                | yes    | no       | yes       | yes                                       |
/// | nvidia.com/gpu               | no     | yes      | no        | yes                                       |
/// | kubernetes.io/something      | yes    | no       | no        | yes (a prefixed native resource)          |
/// | requests.nvidia.com/gpu      | no     | no       | no        | no (a quota name, not a container's)      |
/// </remarks>
internal static class ResourceNames
{
    public const string HugePagesPrefix = "hugepages-";

    /// <summary>The domain of Kubernetes' own prefixed resources (<c>ResourceDefaultNamespacePrefix</c>).</summary>
    private const string DefaultNamespacePrefix = "kubernetes.io/";

    /// <summary>The prefix of quota names for requests (<c>DefaultResourceRequestsPrefix</c>), never an extended resource.</summary>
    private const string RequestsPrefix = "requests.";

    private const string AttachableVolumesPrefix = "attachable-volumes-";

    /// <summary><c>IsNativeResource</c>: no domain, or Kubernetes' own <c>kubernetes.io/</c> domain.</summary>
    public static bool IsNative(string name) => !name.Contains('/', StringComparison.Ordinal) || IsPrefixedNative(name);

    /// <summary><c>IsExtendedResourceName</c>: a domain-prefixed name outside <c>kubernetes.io/</c>, such as <c>nvidia.com/gpu</c>.</summary>
    public static bool IsExtended(string name) => !IsNative(name) && !name.StartsWith(RequestsPrefix, StringComparison.Ordinal);

    /// <summary><c>IsHugePageResourceName</c>: <c>hugepages-2Mi</c>, <c>hugepages-1Gi</c>.</summary>
    public static bool IsHugePages(string name) => name.StartsWith(HugePagesPrefix, StringComparison.Ordinal);

    /// <summary><c>IsScalarResourceName</c>: what the scheduler counts by name beside cpu, memory, ephemeral storage and pods.</summary>
    public static bool IsScalar(string name) =>
        IsExtended(name) || IsHugePages(name) || IsPrefixedNative(name) || name.StartsWith(AttachableVolumesPrefix, StringComparison.Ordinal);

    /// <summary><c>IsOvercommitAllowed</c>: a request may be below its limit only for native resources other than hugepages.</summary>
    public static bool IsOvercommitAllowed(string name) => IsNative(name) && !IsHugePages(name);

    /// <summary><c>IsIntegerResourceName</c>: extended resources come in whole units.</summary>
    public static bool IsInteger(string name) => IsExtended(name);

    private static bool IsPrefixedNative(string name) => name.Contains(DefaultNamespacePrefix, StringComparison.Ordinal);
}
