namespace KubeKernel.Model;

/// <summary>A pod volume; only a <c>persistentVolumeClaim</c> source is modelled (other sources keep just the name).</summary>
/// <param name="Name">The volume's name, unique in the pod; containers mount it by this name.</param>
/// <param name="PersistentVolumeClaimName"><c>persistentVolumeClaim.claimName</c>: the claim in the pod's namespace; null for every other volume source.</param>
public sealed record Volume(string Name, string? PersistentVolumeClaimName = null);
