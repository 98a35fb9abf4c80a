using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>KRN1002: enumerating a hash-ordered collection (Dictionary, HashSet, their immutable forms and interfaces) before ordering it.</summary>
/// <remarks>
/// Lookups (<c>Contains</c>, <c>TryGetValue</c>, indexers, <c>Count</c>) are fine; so are order-insensitive consumers
/// (<c>Any</c>, <c>All</c>, <c>Count</c>, <c>Min</c>, <c>Max</c>, integer <c>Sum</c>, building another set or dictionary) and
/// ordering ones (<c>OrderBy</c>, sorted collections). A LINQ chain that has not ordered yet (<c>Where</c>, <c>Select</c>,
/// <c>GroupBy</c> …) is followed to where it is consumed. Everything else that enumerates — <c>foreach</c>, <c>ToList</c>,
/// <c>First</c>, <c>string.Join</c>, a collection spread, handing it on as an <c>IEnumerable&lt;T&gt;</c> — is reported
/// at the unordered collection. In a pure reducer every order reaches state or commands, so the rule does not try to
/// trace where the order goes.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnorderedEnumerationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.UnorderedEnumeration];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeForEach, OperationKind.Loop);
        context.RegisterOperationAction(AnalyzeSpread, OperationKind.Spread);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(AnalyzeDerived, OperationKind.Invocation, OperationKind.PropertyReference);
        context.RegisterOperationAction(AnalyzeConversion, OperationKind.Conversion);
    }

    private static void AnalyzeForEach(OperationAnalysisContext context)
    {
        if (context.Operation is IForEachLoopOperation loop)
        {
            Report(context, UnorderedCollections.UnorderedSource(loop.Collection), "foreach");
        }
    }

    private static void AnalyzeSpread(OperationAnalysisContext context) =>
        Report(context, UnorderedCollections.UnorderedSource(((ISpreadOperation)context.Operation).Operand), "a collection spread");

    /// <summary>Arguments that hand an unordered sequence to something that enumerates it, and <c>GetEnumerator</c>/<c>CopyTo</c> on one.</summary>
    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        var (method, arguments, instance) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments, invocation.Instance),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments, null),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty, null),
        };

        if (method is null)
        {
            return;
        }

        if (method.Name is "GetEnumerator" or "CopyTo")
        {
            Report(context, UnorderedCollections.UnorderedSource(instance), $"'{method.Name}'");
        }

        foreach (var argument in arguments)
        {
            var parameterType = argument.Parameter?.Type;
            if (!Symbols.IsEnumerable(parameterType) || UnorderedCollections.IsUnorderedType(parameterType)
                || UnorderedCollections.IsSafeConsumer(method, argument) || UnorderedCollections.IsPassThrough(method, argument))
            {
                continue;
            }

            var consumer = method.MethodKind == MethodKind.Constructor ? $"new {method.ContainingType.Name}" : $"'{method.Name}'";
            Report(context, UnorderedCollections.UnorderedSource(argument.Value), consumer);
        }
    }

    /// <summary>A LINQ chain over (or <c>.Keys</c> of) an unordered collection that is stored or returned instead of consumed.</summary>
    private static void AnalyzeDerived(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (UnorderedCollections.IsUnorderedType(operation.Type) || UnorderedCollections.UnorderedSource(operation) is not { } source)
        {
            return;
        }

        var parent = operation.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { Conversion.IsUserDefined: false })
        {
            parent = parent.Parent;
        }

        var consumedWhereChecked = parent is IArgumentOperation or IForEachLoopOperation or ISpreadOperation
            || (parent is IInvocationOperation call && call.Instance is not null)
            || (parent is IPropertyReferenceOperation);
        if (!consumedWhereChecked)
        {
            Report(context, source, "a query that is stored or returned before it is ordered");
        }
    }

    /// <summary>An unordered collection converted to a plain sequence type (<c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyCollection&lt;T&gt;</c>) outside a call.</summary>
    private static void AnalyzeConversion(OperationAnalysisContext context)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Conversion.IsUserDefined
            || !Symbols.IsEnumerable(conversion.Type)
            || UnorderedCollections.IsUnorderedType(conversion.Type)
            || !UnorderedCollections.IsUnorderedType(Symbols.Unwrap(conversion.Operand)?.Type))
        {
            return;
        }

        var parent = conversion.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { Conversion.IsUserDefined: false })
        {
            parent = parent.Parent;
        }

        if (parent is not (IArgumentOperation or IForEachLoopOperation or ISpreadOperation or IInvocationOperation or IPropertyReferenceOperation))
        {
            Report(context, UnorderedCollections.UnorderedSource(conversion.Operand), $"converting it to '{conversion.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'");
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation? source, string consumer)
    {
        if (source is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.UnorderedEnumeration,
                source.Syntax.GetLocation(),
                consumer,
                source.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }
}
