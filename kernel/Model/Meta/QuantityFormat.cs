namespace KubeKernel.Model;

/// <summary>How a quantity was written, which decides how it is printed back (Kubernetes keeps the format).</summary>
public enum QuantityFormat
{
    /// <summary>Plain numbers and the decimal suffixes <c>n</c>, <c>u</c>, <c>m</c>, <c>k</c>, <c>M</c>, <c>G</c>, <c>T</c>, <c>P</c>, <c>E</c> (powers of 1000): <c>100m</c>, <c>2</c>, <c>1k</c>.</summary>
    DecimalSI,
    /// <summary>The binary suffixes <c>Ki</c>, <c>Mi</c>, <c>Gi</c>, <c>Ti</c>, <c>Pi</c>, <c>Ei</c> (powers of 1024): <c>128Mi</c>, <c>1Gi</c>.</summary>
    BinarySI,
    /// <summary>Scientific notation with a power of ten: <c>1e3</c>, <c>5e6</c>.</summary>
    DecimalExponent,
}
