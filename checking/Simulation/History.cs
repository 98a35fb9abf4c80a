using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>A cluster history: the nodes it starts with and its steps; the one format for scenarios, generated histories and counterexamples.</summary>
/// <param name="Nodes">The nodes registered before the first step, in order.</param>
/// <param name="Steps">The steps, run in order, each to quiescence.</param>
/// <param name="Description">What the history is, for reports (the checker writes which invariant a counterexample violates); null for none.</param>
/// <param name="Seed">The per-history seed it was generated from, as decimal text; null for a hand-written one.</param>
public sealed record History(ValueList<Node> Nodes, ValueList<HistoryStep> Steps, string? Description = null, string? Seed = null);
