using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>Symbol and operation helpers shared by the rules.</summary>
internal static class Symbols
{
    /// <summary>The metadata name of a type's original definition: <c>System.Collections.Generic.Dictionary`2+KeyCollection</c>.</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (definition.ContainingType is { } outer)
        {
            return MetadataName(outer) + "+" + definition.MetadataName;
        }

        var ns = NamespaceOf(definition);
        return ns.Length == 0 ? definition.MetadataName : ns + "." + definition.MetadataName;
    }

    /// <summary>The namespace a symbol is declared in (<c>""</c> for the global namespace).</summary>
    public static string NamespaceOf(ISymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty;

    /// <summary>Whether <paramref name="ns"/> is <paramref name="root"/> or nested inside it.</summary>
    public static bool IsInNamespace(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>The type itself and its base classes, nearest first.</summary>
    public static IEnumerable<ITypeSymbol> SelfAndBaseTypes(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol type, ITypeSymbol ancestor) =>
        SelfAndBaseTypes(type).Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, ancestor.OriginalDefinition));

    /// <summary>The method, property or constructor the code is in, looking through lambdas and local functions.</summary>
    public static ISymbol? EnclosingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>Whether a type implements (or is) <c>System.Collections.IEnumerable</c>, strings excepted.</summary>
    public static bool IsEnumerable(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        return type.SpecialType == SpecialType.System_Collections_IEnumerable
            || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
    }

    /// <summary>Strips parentheses and built-in conversions (an explicit cast to <c>IEnumerable&lt;T&gt;</c> hides nothing).</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IConversionOperation { Conversion.IsUserDefined: false } conversion:
                    operation = conversion.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
