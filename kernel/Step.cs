using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel;

/// <summary>The result of one reducer step: the next state and the commands it asks the shell to carry out.</summary>
/// <param name="State">The cluster after the event; equal to the input state when the event changed nothing.</param>
/// <param name="Commands">The commands in the order they were emitted; when the step committed writes, a <see cref="Persist"/> of all of them comes first. Empty for most reconciles that find nothing to do.</param>
public sealed record Step(ClusterState State, ValueList<Command> Commands);
