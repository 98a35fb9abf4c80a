namespace KubeKernel.Controllers.Nodes;

/// <summary>A zone's NoExecute-tainting token bucket (burst 1): its rate and when the next token is there.</summary>
/// <remarks>Kubernetes swaps in a fresh, full bucket whenever the rate changes; the kernel does the same.</remarks>
internal sealed record ZoneLimiter(double Rate, long NextTaintAt);
