using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Kubelet;

/// <summary>What the kubelet reads of ConfigMaps and Secrets before it starts a pod: its volumes' sources and each container's environment.</summary>
/// <remarks>
/// The messages are the kubelet's: its ConfigMap and Secret managers report a missing object as <c>configmap "x" not found</c>
/// and <c>secret "x" not found</c> (singular resource names), and <c>makeEnvironmentVariables</c> a missing key as
/// <c>couldn't find key K in ConfigMap ns/x</c>. Each answer names the object that, once written, may clear it.
/// </remarks>
internal static class ConfigReferences
{
    /// <summary>The waiting reason of a container whose configuration cannot be made (<c>kubecontainer.ErrCreateConfig</c>).</summary>
    public const string CreateContainerConfigError = "CreateContainerConfigError";

    /// <summary>The kubelet's Warning when a volume cannot be set up (<c>events.FailedMountVolume</c>).</summary>
    public const string FailedMountReason = "FailedMount";

    /// <summary>The kubelet's Warning when a container cannot be created (<c>events.FailedToCreateContainer</c>); its message is <c>Error: …</c>.</summary>
    public const string FailedReason = "Failed";

    /// <summary>
    /// The first <c>configMap</c> or <c>secret</c> volume, in spec order, whose object is missing and not optional, with the
    /// volume manager's message (<c>MountVolume.SetUp failed for volume "v" : configmap "x" not found</c>); null when every
    /// volume can be set up.
    /// </summary>
    public static (string Message, ObjectKey Object)? MissingVolume(ObjectStore store, Pod pod)
    {
        var ns = pod.Metadata.Namespace;
        foreach (var volume in pod.Spec.Volumes)
        {
            if ((Missing(store, ns, Kinds.ConfigMap, volume.ConfigMap) ?? Missing(store, ns, Kinds.Secret, volume.Secret)) is { } missing)
            {
                return ($"MountVolume.SetUp failed for volume \"{volume.Name}\" : {missing.Message}", missing.Object);
            }
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="container"/>'s environment cannot be made, as <c>makeEnvironmentVariables</c> finds it (every
    /// <c>envFrom</c> source first, then each <c>env</c> entry, in order); null when it can. An optional object or key that
    /// is missing is left out.
    /// </summary>
    public static (string Message, ObjectKey Object)? EnvError(ObjectStore store, Pod pod, Container container)
    {
        var ns = pod.Metadata.Namespace;
        foreach (var source in container.EnvFrom)
        {
            if ((Missing(store, ns, Kinds.ConfigMap, source.ConfigMapRef) ?? Missing(store, ns, Kinds.Secret, source.SecretRef)) is { } missing)
            {
                return missing;
            }
        }

        foreach (var env in container.Env)
        {
            if ((MissingKey(store, ns, Kinds.ConfigMap, env.ConfigMapKeyRef) ?? MissingKey(store, ns, Kinds.Secret, env.SecretKeyRef)) is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    /// <summary>The not-found error for a whole object that is missing and not optional.</summary>
    private static (string Message, ObjectKey Object)? Missing(ObjectStore store, string ns, KindInfo kind, ConfigSource? source)
    {
        if (source is null)
        {
            return null;
        }

        var key = new ObjectKey(kind.Kind, ns, source.Name);
        return store.Get(key) is null && !source.Optional ? (NotFound(kind, source.Name), key) : null;
    }

    /// <summary>The error for one key: its object missing (<c>configmap "x" not found</c>) or the key missing from it.</summary>
    private static (string Message, ObjectKey Object)? MissingKey(ObjectStore store, string ns, KindInfo kind, KeySelector? selector)
    {
        if (selector is null)
        {
            return null;
        }

        var key = new ObjectKey(kind.Kind, ns, selector.Name);
        var found = store.Get(key) switch
        {
            null => (bool?)null,
            // The kubelet reads data only: a binaryData key is not found.
            ConfigMap cm => cm.Data.ContainsKey(selector.Key),
            Secret secret => secret.Data.ContainsKey(selector.Key),
            _ => false,
        };
        return selector.Optional || found == true ? null
            : found is null ? (NotFound(kind, selector.Name), key)
            : ($"couldn't find key {selector.Key} in {kind.Kind} {ns}/{selector.Name}", key);
    }

    private static string NotFound(KindInfo kind, string name) => $"{kind.Kind.ToLowerInvariant()} \"{name}\" not found";
}
