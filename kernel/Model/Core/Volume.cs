namespace KubeKernel.Model;

/// <summary>A pod volume; <c>persistentVolumeClaim</c>, <c>configMap</c> and <c>secret</c> sources are modelled (other sources keep just the name).</summary>
/// <param name="Name">The volume's name, unique in the pod; containers mount it by this name.</param>
/// <param name="PersistentVolumeClaimName"><c>persistentVolumeClaim.claimName</c>: the claim in the pod's namespace; null for every other volume source.</param>
/// <param name="ConfigMap"><c>configMap</c>: the ConfigMap whose keys become the volume's files; the kubelet does not start the pod while a non-optional one is missing.</param>
/// <param name="Secret"><c>secret</c> (its <c>secretName</c>): the Secret whose keys become the volume's files, gated as <paramref name="ConfigMap"/> is.</param>
public sealed record Volume(string Name, string? PersistentVolumeClaimName = null, ConfigSource? ConfigMap = null, ConfigSource? Secret = null);
