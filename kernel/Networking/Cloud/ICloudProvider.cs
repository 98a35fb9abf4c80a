using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Networking;

/// <summary>The cloud-provider interface: it carries out load-balancer commands and answers with facts the kernel feeds back.</summary>
/// <remarks>
/// The kernel never calls a cloud; its service controller emits <c>ProvisionLoadBalancer</c> and <c>DeleteLoadBalancer</c>,
/// and a provider answers each with a <see cref="LoadBalancerFact"/> (provisioned with addresses, deleted, or failed
/// with a message). Providers are values: handling a command returns the provider's next state, so a simulated
/// provider stays deterministic and a real one (an adapter) can keep its own. Other commands are ignored.
/// </remarks>
public interface ICloudProvider
{
    /// <summary>Carries out one command: for a load-balancer command, the provider's next state and the facts to feed back; for any other, this provider and no events.</summary>
    /// <param name="command">A command from a step's output, e.g. <c>ProvisionLoadBalancer</c>.</param>
    /// <returns>The provider to use for the next command, and the <see cref="LoadBalancerFact"/> events (in order) for the driver to step.</returns>
    (ICloudProvider Provider, IReadOnlyList<ClusterEvent> Events) Handle(Command command);
}
