namespace KubeKernel.Model;

/// <summary>Whether node affinity or taints decide which nodes count as domains.</summary>
public enum NodeInclusionPolicy
{
    Honor,
    Ignore,
}
