namespace KubeKernel.Model;

/// <summary>The operators of a label selector requirement.</summary>
public enum LabelSelectorOperator
{
    /// <summary>The label is present and its value is one of the requirement's values.</summary>
    In,
    /// <summary>The label is absent, or its value is none of the requirement's values.</summary>
    NotIn,
    /// <summary>The label is present, whatever its value; the requirement lists no values.</summary>
    Exists,
    /// <summary>The label is absent; the requirement lists no values.</summary>
    DoesNotExist,
}
