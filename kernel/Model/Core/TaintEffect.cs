namespace KubeKernel.Model;

/// <summary>A taint's effect.</summary>
public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}
