namespace KubeKernel;

/// <summary>Marks the root of a closed hierarchy: every switch over it in the core must name each concrete type (rule KRN1005).</summary>
/// <remarks>
/// The members are the non-abstract types deriving from the root in this assembly. Adding one breaks the build at every
/// switch that has not decided what to do with it; a <c>default</c> arm does not count as a decision.
/// See <c>analyzers/rules/KRN1005.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ClosedHierarchyAttribute : Attribute;
