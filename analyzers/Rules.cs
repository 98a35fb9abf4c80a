using Microsoft.CodeAnalysis;

namespace KubeKernel.Analyzers;

/// <summary>The KRN rules: one descriptor each, all errors, each with a page under <c>analyzers/rules/</c>.</summary>
internal static class Rules
{
    public static readonly DiagnosticDescriptor NondeterministicApi = Create(
        "KRN1001",
        "Nondeterministic or effectful API in the core",
        "'{0}' {1}",
        "Determinism",
        "The kernel is a pure function of (state, event): it must not read clocks, randomness, the environment or files, do I/O, start threads, or let a per-process hash code reach its output.");

    public static readonly DiagnosticDescriptor UnorderedEnumeration = Create(
        "KRN1002",
        "Unordered enumeration",
        "{0} enumerates '{1}' in hash order, which can differ between runs; order it first (OrderBy with an ordinal key) or keep it in a sorted collection",
        "Determinism",
        "Dictionary and set order is unspecified (and string hashes are randomised per process), so enumerating one can leak a different order into state or commands on every run.");

    public static readonly DiagnosticDescriptor MutableState = Create(
        "KRN1003",
        "Mutable state",
        "{0}",
        "Purity",
        "Model, event and command types are immutable values, and the core keeps no static mutable state: anything that changes lives in ClusterState and changes by Step returning a new one.");

    public static readonly DiagnosticDescriptor LifecycleHygiene = Create(
        "KRN1004",
        "State machine is not effect-free or has an undescribed guard",
        "{0}",
        "Purity",
        "Lifecycles are pure transition tables: no entry, exit or transition actions, and every guard lambda carries a description so diagrams and rejections can name it.");

    public static readonly DiagnosticDescriptor NonExhaustiveSwitch = Create(
        "KRN1005",
        "Switch over a closed hierarchy misses a type",
        "switch over closed hierarchy '{0}' does not handle {1}; add a case for each (an empty case is a decision too)",
        "Totality",
        "Adding an event or command type must force every switch over the hierarchy to decide what to do with it, so a switch has to name every concrete type; a default arm does not count.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, string description) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: $"{description} See analyzers/rules/{id}.md.");
}
