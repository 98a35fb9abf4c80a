namespace KubeKernel.Model;

/// <summary>A toleration's operator; <c>Equal</c> is the default.</summary>
public enum TolerationOperator
{
    Equal,
    Exists,
}
