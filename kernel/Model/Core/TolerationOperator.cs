namespace KubeKernel.Model;

/// <summary>A toleration's operator; <c>Equal</c> is the default.</summary>
public enum TolerationOperator
{
    /// <summary>The taint's key and value must both equal the toleration's.</summary>
    Equal,
    /// <summary>Any taint with the key tolerates, whatever its value (and with an empty key, any taint).</summary>
    Exists,
}
