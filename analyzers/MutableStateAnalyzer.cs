using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KubeKernel.Analyzers;

/// <summary>KRN1003: mutable members on model, event and command types, and static mutable state anywhere in the core.</summary>
/// <remarks>
/// On model, event and command types (<see cref="KernelVocabulary.IsValueType"/>): settable (non-<c>init</c>)
/// properties, non-readonly fields, and fields or properties of a mutable collection type. Everywhere: static fields that
/// are not readonly, static auto-properties with a setter, and static readonly fields or auto-properties holding a
/// mutable collection (the reference is fixed, the contents are not). Drivers and builders (<c>StepContext</c>,
/// <c>ClusterSimulation</c>) may keep instance state; they are not values.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableStateAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Mutable collection types (generic definitions and whole-type names), caches included; arrays are mutable too.</summary>
    private static readonly ImmutableHashSet<string> MutableCollections = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.PriorityQueue`2",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1",
        "System.Collections.ArrayList",
        "System.Collections.Hashtable",
        "System.Collections.Queue",
        "System.Collections.Stack",
        "System.Collections.BitArray",
        "System.Collections.IList",
        "System.Collections.IDictionary",
        "System.Collections.ObjectModel.Collection`1",
        "System.Collections.ObjectModel.ObservableCollection`1",
        "System.Collections.ObjectModel.KeyedCollection`2",
        "System.Collections.Immutable.ImmutableArray`1+Builder",
        "System.Collections.Immutable.ImmutableList`1+Builder",
        "System.Collections.Immutable.ImmutableDictionary`2+Builder",
        "System.Collections.Immutable.ImmutableHashSet`1+Builder",
        "System.Collections.Immutable.ImmutableSortedDictionary`2+Builder",
        "System.Collections.Immutable.ImmutableSortedSet`1+Builder",
        "System.Text.StringBuilder",
        "System.Runtime.CompilerServices.ConditionalWeakTable`2");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.MutableState];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeField, SymbolKind.Field);
        context.RegisterSymbolAction(AnalyzeProperty, SymbolKind.Property);
    }

    /// <summary>Whether a type is, derives from or holds (as the item of a collection, tuple or nullable) a mutable collection.</summary>
    public static bool IsMutableCollection(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol => true,
        INamedTypeSymbol named => Symbols.SelfAndBaseTypes(named).Any(t => MutableCollections.Contains(Symbols.MetadataName(t)))
            || (HoldsItems(named) && named.TypeArguments.Any(IsMutableCollection)),
        _ => false,
    };

    /// <summary>Collections, tuples and nullables hold their type arguments; a delegate or comparer only mentions them.</summary>
    private static bool HoldsItems(INamedTypeSymbol type) =>
        type.IsTupleType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || Symbols.IsEnumerable(type);

    private static void AnalyzeField(SymbolAnalysisContext context)
    {
        var field = (IFieldSymbol)context.Symbol;

        // Auto-property backing fields are judged as their property; constants and enum members are immutable.
        if (field.IsConst || field.IsImplicitlyDeclared || field.ContainingType.TypeKind == TypeKind.Enum)
        {
            return;
        }

        string? problem = null;
        if (field.IsStatic)
        {
            problem = !field.IsReadOnly
                ? $"static field '{field.Name}' is mutable shared state; make it readonly (or a const), or keep the value in ClusterState"
                : HoldsMutableCollection(field.Type, $"static readonly field '{field.Name}'");
        }
        else if (KernelVocabulary.IsValueType(field.ContainingType))
        {
            problem = !field.IsReadOnly
                ? $"field '{field.Name}' of value type '{field.ContainingType.Name}' is not readonly"
                : HoldsMutableCollection(field.Type, $"field '{field.Name}' of value type '{field.ContainingType.Name}'");
        }

        Report(context, field, problem);
    }

    private static void AnalyzeProperty(SymbolAnalysisContext context)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (property.IsImplicitlyDeclared)
        {
            return;
        }

        var settable = property.SetMethod is { IsInitOnly: false };
        string? problem = null;
        if (property.IsStatic && IsAutoProperty(property))
        {
            problem = settable
                ? $"static property '{property.Name}' has a setter: it is mutable shared state; make it get-only, or keep the value in ClusterState"
                : HoldsMutableCollection(property.Type, $"static property '{property.Name}'");
        }
        else if (!property.IsStatic && KernelVocabulary.IsValueType(property.ContainingType))
        {
            problem = settable
                ? $"property '{property.Name}' of value type '{property.ContainingType.Name}' has a setter; use 'init' (or a positional record member) and 'with' to change it"
                : HoldsMutableCollection(property.Type, $"property '{property.Name}' of value type '{property.ContainingType.Name}'");
        }

        Report(context, property, problem);
    }

    private static string? HoldsMutableCollection(ITypeSymbol type, string what) =>
        IsMutableCollection(type)
            ? $"{what} holds a mutable '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; use ValueList<T>, ValueMap<K,V> or an immutable collection"
            : null;

    /// <summary>An auto-property has a compiler-generated backing field (<c>field</c> keyword included).</summary>
    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private static void Report(SymbolAnalysisContext context, ISymbol symbol, string? problem)
    {
        if (problem is null)
        {
            return;
        }

        foreach (var location in symbol.Locations.Where(l => l.IsInSource))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.MutableState, location, problem));
        }
    }
}
