using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>KRN1005: a switch over a closed hierarchy (events, commands) that does not name every concrete type.</summary>
/// <remarks>
/// A hierarchy is closed when its root carries an attribute named <c>ClosedHierarchyAttribute</c> (any namespace); its
/// members are the non-abstract classes and records deriving from the root in the root's assembly. A switch (statement
/// or expression) whose governing type is the root, or an abstract type inside the hierarchy, must mention each concrete
/// type below it in a type pattern — directly, through an abstract intermediate type, or inside an <c>or</c>/<c>and</c>
/// pattern; a <c>when</c> clause or property pattern still counts, because the point is that each type was decided on.
/// A <c>default</c> or <c>_</c> arm handles nothing: adding a type must break every switch that has not considered it.
/// Whether the switch is total is the compiler's job (CS8509), not this rule's.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExhaustiveEventsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.NonExhaustiveSwitch];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var members = new ConcurrentDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(c => AnalyzeSwitch(c, members), OperationKind.Switch, OperationKind.SwitchExpression);
        });
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, ConcurrentDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>> members)
    {
        var (value, patterns) = context.Operation switch
        {
            ISwitchOperation statement => (statement.Value, statement.Cases.SelectMany(c => c.Clauses).OfType<IPatternCaseClauseOperation>().Select(c => c.Pattern)),
            ISwitchExpressionOperation expression => (expression.Value, expression.Arms.Select(a => a.Pattern)),
            _ => (null, []),
        };

        if (value?.Type is not INamedTypeSymbol input || Symbols.SelfAndBaseTypes(input).FirstOrDefault(KernelVocabulary.IsClosedRoot) is not { } root)
        {
            return;
        }

        var mentioned = patterns.SelectMany(MentionedTypes).Where(t => !SymbolEqualityComparer.Default.Equals(t, input)).ToList();
        var missing = members.GetOrAdd(root, ConcreteMembers)
            .Where(m => Symbols.DerivesFrom(m, input) && !mentioned.Any(t => Symbols.DerivesFrom(m, t)))
            .Select(m => $"'{m.Name}'")
            .ToList();

        if (missing.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.NonExhaustiveSwitch, value.Syntax.GetLocation(), root.Name, string.Join(", ", missing)));
        }
    }

    /// <summary>The types a pattern tests for; a <c>var</c>, discard, constant or negated pattern tests for none.</summary>
    private static IEnumerable<ITypeSymbol> MentionedTypes(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation { MatchesNull: false, MatchedType: { } type } => [type],
        ITypePatternOperation { MatchedType: { } type } => [type],
        IRecursivePatternOperation { MatchedType: { } type } => [type],
        IBinaryPatternOperation binary => MentionedTypes(binary.LeftPattern).Concat(MentionedTypes(binary.RightPattern)),
        _ => [],
    };

    /// <summary>The non-abstract classes deriving from <paramref name="root"/> in its assembly, ordered by name.</summary>
    private static ImmutableArray<INamedTypeSymbol> ConcreteMembers(ITypeSymbol root) =>
        [.. TypesIn(root.ContainingAssembly.GlobalNamespace)
            .Where(t => t.TypeKind == TypeKind.Class && !t.IsAbstract && Symbols.DerivesFrom(t, root))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static IEnumerable<INamedTypeSymbol> TypesIn(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (var inner in TypesIn(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
