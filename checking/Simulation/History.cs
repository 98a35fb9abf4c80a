using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>A cluster history: the nodes it starts with and its steps; the one format for scenarios, generated histories and counterexamples.</summary>
public sealed record History(ValueList<Node> Nodes, ValueList<HistoryStep> Steps, string? Description = null, string? Seed = null);
