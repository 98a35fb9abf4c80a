namespace KubeKernel.Scheduling;

/// <summary>A node some filter rejected in a cycle, with the first rejecting plugin's status.</summary>
internal readonly record struct RejectedNode(NodeInfo Node, Status Status);
