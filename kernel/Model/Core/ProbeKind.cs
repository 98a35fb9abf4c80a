namespace KubeKernel.Model;

/// <summary>The three probe kinds.</summary>
public enum ProbeKind
{
    Startup,
    Liveness,
    Readiness,
}
