using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Services;

/// <summary>The service controller's memory of one service's load balancer: the request sent, the cloud's answer, failures and the next retry.</summary>
internal sealed record LoadBalancerRecord(
    string Uid,
    LoadBalancerPhase Phase,
    LoadBalancerRequest? Request,
    ValueList<LoadBalancerIngress> Ingress = default,
    int Failures = 0,
    long RetryAtMillis = 0);
