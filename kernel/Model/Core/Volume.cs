namespace KubeKernel.Model;

/// <summary>A pod volume; only a <c>persistentVolumeClaim</c> source is modelled (other sources keep just the name).</summary>
public sealed record Volume(string Name, string? PersistentVolumeClaimName = null);
