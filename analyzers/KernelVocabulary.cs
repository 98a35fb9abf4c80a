using Microsoft.CodeAnalysis;

namespace KubeKernel.Analyzers;

/// <summary>The kernel's names the rules key on: which types are immutable values, and how a hierarchy is declared closed.</summary>
internal static class KernelVocabulary
{
    /// <summary>Namespaces whose types are model, event or command values (nested namespaces included).</summary>
    private static readonly ImmutableArray<string> ValueNamespaces = ["KubeKernel.Model", "KubeKernel.Events", "KubeKernel.Commands"];

    /// <summary>Roots of the value hierarchies: anything deriving from them is a value wherever it is declared.</summary>
    private static readonly ImmutableHashSet<string> ValueRoots = ImmutableHashSet.Create(
        StringComparer.Ordinal, "KubeKernel.Model.KubeObject", "KubeKernel.Events.ClusterEvent", "KubeKernel.Commands.Command");

    /// <summary>The attribute (by simple name, in any namespace) that marks the root of a closed hierarchy for KRN1005.</summary>
    public const string ClosedHierarchyAttribute = "ClosedHierarchyAttribute";

    /// <summary>The attribute (by simple name, in any namespace) on a parameter whose sequence is consumed without regard to order, for KRN1002.</summary>
    public const string OrderInsensitiveAttribute = "OrderInsensitiveAttribute";

    /// <summary>Whether a type is a model, event or command type (or nested in one): it must be immutable.</summary>
    public static bool IsValueType(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            var ns = Symbols.NamespaceOf(current);
            if (ValueNamespaces.Any(root => Symbols.IsInNamespace(ns, root))
                || Symbols.SelfAndBaseTypes(current).Any(t => ValueRoots.Contains(Symbols.MetadataName(t))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a type carries <c>[ClosedHierarchy]</c>.</summary>
    public static bool IsClosedRoot(ITypeSymbol type) => HasAttribute(type, ClosedHierarchyAttribute);

    /// <summary>Whether a parameter carries <c>[OrderInsensitive]</c> (looked up on its declaration, so generic instances count).</summary>
    public static bool IsOrderInsensitive(IParameterSymbol parameter) => HasAttribute(parameter.OriginalDefinition, OrderInsensitiveAttribute);

    private static bool HasAttribute(ISymbol symbol, string name) => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == name);
}
