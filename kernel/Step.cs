using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel;

/// <summary>The result of one reducer step: the next state and the commands it asks the shell to carry out.</summary>
public sealed record Step(ClusterState State, ValueList<Command> Commands);
