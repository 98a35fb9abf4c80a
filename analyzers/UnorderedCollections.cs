using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>What KRN1002 counts as unordered, and which consumers of an unordered sequence are safe.</summary>
internal static class UnorderedCollections
{
    /// <summary>Hash-ordered collections and the interfaces that may hide one; matched on the static type (or a base class).</summary>
    private static readonly ImmutableHashSet<string> Types = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.Dictionary`2+KeyCollection",
        "System.Collections.Generic.Dictionary`2+ValueCollection",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlySet`1",
        "System.Collections.Immutable.ImmutableDictionary`2",
        "System.Collections.Immutable.ImmutableDictionary`2+Builder",
        "System.Collections.Immutable.ImmutableHashSet`1",
        "System.Collections.Immutable.ImmutableHashSet`1+Builder",
        "System.Collections.Immutable.IImmutableDictionary`2",
        "System.Collections.Immutable.IImmutableSet`1",
        "System.Collections.Frozen.FrozenDictionary`2",
        "System.Collections.Frozen.FrozenSet`1",
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.Hashtable",
        "System.Collections.IDictionary");

    /// <summary><c>System.Linq.Enumerable</c> operators whose result does not depend on the order of their source.</summary>
    private static readonly ImmutableHashSet<string> OrderInsensitive = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "All", "Any", "Contains", "Count", "LongCount", "Min", "Max", "Single", "SingleOrDefault");

    /// <summary><c>System.Linq.Enumerable</c> operators that put their source in a defined order.</summary>
    private static readonly ImmutableHashSet<string> Ordering = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Order", "OrderBy", "OrderByDescending", "OrderDescending");

    /// <summary><c>System.Linq.Enumerable</c> operators whose result keeps (some of) the order of every sequence they take.</summary>
    private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Append", "AsEnumerable", "Cast", "Chunk", "Concat", "DefaultIfEmpty", "Distinct", "DistinctBy", "GroupBy",
        "GroupJoin", "Index", "Join", "OfType", "Prepend", "Reverse", "Select", "SelectMany", "Skip", "SkipLast",
        "SkipWhile", "Take", "TakeLast", "TakeWhile", "Union", "UnionBy", "Where", "Zip");

    /// <summary>Operators whose output order comes from their first sequence only; the others are lookups.</summary>
    private static readonly ImmutableHashSet<string> FilterByOthers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Except", "ExceptBy", "Intersect", "IntersectBy");

    /// <summary>Whether the static type is (or derives from) a hash-ordered collection or one of their interfaces.</summary>
    public static bool IsUnorderedType(ITypeSymbol? type) =>
        type is not null && Symbols.SelfAndBaseTypes(type).Any(t => Types.Contains(Symbols.MetadataName(t)));

    /// <summary>Whether the type keeps its items sorted (<c>SortedSet</c>, <c>ImmutableSortedDictionary</c> …).</summary>
    public static bool IsSortedType(ITypeSymbol? type) =>
        type is not null && Symbols.NamespaceOf(type).StartsWith("System.Collections", StringComparison.Ordinal)
        && (type.Name.StartsWith("Sorted", StringComparison.Ordinal) || type.Name.StartsWith("ImmutableSorted", StringComparison.Ordinal));

    /// <summary>
    /// The hash-ordered collection an expression enumerates, if any: the expression itself, <c>.Keys</c>/<c>.Values</c>
    /// of one, or a LINQ chain (<c>Where</c>, <c>Select</c> …) that has not ordered it yet.
    /// </summary>
    public static IOperation? UnorderedSource(IOperation? operation)
    {
        operation = Symbols.Unwrap(operation);
        switch (operation)
        {
            case null:
                return null;
            case IPropertyReferenceOperation { Property.Name: "Keys" or "Values", Instance: { } instance } when UnorderedSource(instance) is { } dictionary:
                return dictionary;
            case { Type: var type } when IsUnorderedType(type):
                return operation;
            case IInvocationOperation invocation when IsEnumerableOperator(invocation.TargetMethod, PassThrough):
                return invocation.Arguments.Select(a => UnorderedSource(a.Value)).FirstOrDefault(s => s is not null);
            case IInvocationOperation invocation when IsEnumerableOperator(invocation.TargetMethod, FilterByOthers):
                return invocation.Arguments.Length > 0 ? UnorderedSource(invocation.Arguments[0].Value) : null;
            default:
                return null;
        }
    }

    /// <summary>Whether an invocation or construction that takes an unordered sequence as an argument cannot leak its order.</summary>
    /// <remarks>
    /// Safe consumers: order-insensitive and ordering LINQ operators, the second sequence of <c>Except</c>/<c>Intersect</c>,
    /// anything that builds another unordered or sorted collection (its own enumeration is checked where it happens),
    /// members of unordered collections themselves (<c>UnionWith</c>, <c>SetEquals</c>, <c>ImmutableHashSet.Union</c> …),
    /// and parameters marked <c>[OrderInsensitive]</c> (e.g. <c>ToValueMap</c>, which sorts by key).
    /// </remarks>
    public static bool IsSafeConsumer(IMethodSymbol method, IArgumentOperation argument)
    {
        if (IsEnumerableOperator(method, OrderInsensitive) || IsEnumerableOperator(method, Ordering) || IsIntegralSum(method))
        {
            return true;
        }

        if (IsEnumerableOperator(method, FilterByOthers) && argument.Parameter?.Ordinal > 0)
        {
            return true;
        }

        if (argument.Parameter is { } parameter && KernelVocabulary.IsOrderInsensitive(parameter))
        {
            return true;
        }

        var produced = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType;
        return IsUnorderedType(produced) || IsSortedType(produced)
            || IsUnorderedType(method.ContainingType) || IsSortedType(method.ContainingType);
    }

    /// <summary>Whether a LINQ operator passes its (unordered) sequence on, so the result is checked where it is consumed.</summary>
    public static bool IsPassThrough(IMethodSymbol method, IArgumentOperation argument) =>
        IsEnumerableOperator(method, PassThrough) || (IsEnumerableOperator(method, FilterByOthers) && argument.Parameter?.Ordinal == 0);

    /// <summary>Integer and decimal sums are exact, so their order does not matter; floating-point sums round differently.</summary>
    private static bool IsIntegralSum(IMethodSymbol method)
    {
        if (method.Name != "Sum" || Symbols.MetadataName(method.ContainingType) != "System.Linq.Enumerable")
        {
            return false;
        }

        var result = method.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : method.ReturnType;
        return result.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Decimal;
    }

    private static bool IsEnumerableOperator(IMethodSymbol method, ImmutableHashSet<string> names) =>
        names.Contains(method.Name) && Symbols.MetadataName(method.ContainingType) == "System.Linq.Enumerable";
}
