namespace KubeKernel.Model;

/// <summary>How a quantity was written, which decides how it is printed back (Kubernetes keeps the format).</summary>
public enum QuantityFormat
{
    DecimalSI,
    BinarySI,
    DecimalExponent,
}
