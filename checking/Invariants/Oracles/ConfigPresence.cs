using KubeKernel.Model;

namespace KubeKernel.Invariants.Oracles;

/// <summary>Whether the ConfigMaps and Secrets a pod spec reads are there, restated from the kubelet for the invariants alone.</summary>
/// <remarks>
/// From <c>makeEnvironmentVariables</c> and the configMap/secret volume plugins: every non-optional <c>configMap</c> or
/// <c>secret</c> volume, <c>envFrom</c> source and <c>configMapKeyRef</c>/<c>secretKeyRef</c> object must exist, and a
/// non-optional key must be in it (a ConfigMap's <c>data</c>, not its <c>binaryData</c>). A pod that reads what is not
/// there never starts, in Kubernetes as here, so the convergence invariants excuse it.
/// </remarks>
internal static class ConfigPresence
{
    public static bool Resolves(ClusterState state, string ns, PodSpec spec) =>
        spec.Volumes.All(v => Present(state, ns, "ConfigMap", v.ConfigMap) && Present(state, ns, "Secret", v.Secret)) &&
        spec.Containers.All(c =>
            c.EnvFrom.All(e => Present(state, ns, "ConfigMap", e.ConfigMapRef) && Present(state, ns, "Secret", e.SecretRef)) &&
            c.Env.All(e => HasKey(state, ns, e.ConfigMapKeyRef, secret: false) && HasKey(state, ns, e.SecretKeyRef, secret: true)));

    private static bool Present(ClusterState state, string ns, string kind, ConfigSource? source) =>
        source is null || source.Optional || state.Store.Get(new ObjectKey(kind, ns, source.Name)) is not null;

    private static bool HasKey(ClusterState state, string ns, KeySelector? selector, bool secret) =>
        selector is null || selector.Optional || (secret
            ? state.Store.Get<Secret>(ns, selector.Name)?.Data.ContainsKey(selector.Key) == true
            : state.Store.Get<ConfigMap>(ns, selector.Name)?.Data.ContainsKey(selector.Key) == true);
}
