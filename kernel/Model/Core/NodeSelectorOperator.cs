namespace KubeKernel.Model;

/// <summary>The operators of a node selector requirement.</summary>
public enum NodeSelectorOperator
{
    /// <summary>The label is present and its value is one of the values.</summary>
    In,
    /// <summary>The label is absent, or its value is none of the values.</summary>
    NotIn,
    /// <summary>The label is present, whatever its value; no values are given.</summary>
    Exists,
    /// <summary>The label is absent; no values are given.</summary>
    DoesNotExist,
    /// <summary>The label's value, read as an integer, is greater than the single value given; a non-integer never matches.</summary>
    Gt,
    /// <summary>The label's value, read as an integer, is less than the single value given; a non-integer never matches.</summary>
    Lt,
}
