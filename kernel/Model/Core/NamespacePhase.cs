namespace KubeKernel.Model;

/// <summary>A namespace's phase.</summary>
public enum NamespacePhase
{
    /// <summary>In use: objects may be created in it.</summary>
    Active,
    /// <summary>Being deleted: new objects are refused while the namespace controller removes its content.</summary>
    Terminating,
}
