namespace KubeKernel.Model;

/// <summary>The operators of a node selector requirement.</summary>
public enum NodeSelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
}
