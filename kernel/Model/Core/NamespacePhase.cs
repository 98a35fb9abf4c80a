namespace KubeKernel.Model;

/// <summary>A namespace's phase.</summary>
public enum NamespacePhase
{
    Active,
    Terminating,
}
