namespace KubeKernel.Model;

/// <summary>The operators of a label selector requirement.</summary>
public enum LabelSelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
