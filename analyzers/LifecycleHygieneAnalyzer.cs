using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>KRN1004: Stateless machines with actions (entry, exit, activation, transition, internal-transition, unhandled-trigger) or undescribed guard lambdas.</summary>
/// <remarks>
/// Machines must be effect-free transition tables: the reducer reads where a transition lands and acts on the result.
/// A guard given as a lambda (or a local function, or a delegate value) shows as <c>[Function]</c> in diagrams and
/// rejections, so it needs a description; a named method (or a described guard, <c>PermitIfAsked(scope, trigger, state, facts, (Method, "description"))</c>)
/// names itself.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleHygieneAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.LifecycleHygiene];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!Symbols.IsInNamespace(Symbols.NamespaceOf(method.ContainingType), "Stateless"))
        {
            return;
        }

        if (method.Name.StartsWith("On", StringComparison.Ordinal) || method.Name.StartsWith("InternalTransition", StringComparison.Ordinal))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.LifecycleHygiene,
                invocation.Syntax.GetLocation(),
                $"'{method.Name}' attaches an action to the machine; lifecycles are effect-free: return the transition and let the reducer act on it"));
            return;
        }

        foreach (var guard in invocation.Arguments.Where(a => a.Parameter?.Name == "guard" && !IsNamedMethod(a.Value)))
        {
            var description = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "guardDescription");
            if (description is null || description.ArgumentKind == ArgumentKind.DefaultValue || IsBlank(description.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.LifecycleHygiene,
                    guard.Value.Syntax.GetLocation(),
                    $"guard of '{method.Name}' is not a named method and has no description, so it shows as [Function] in diagrams; pass a guardDescription or use a named guard method"));
            }
        }
    }

    /// <summary>A method group naming an ordinary method; Stateless shows lambdas, local functions and delegate values as [Function].</summary>
    private static bool IsNamedMethod(IOperation operation) =>
        Symbols.Unwrap(operation) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method.MethodKind: MethodKind.Ordinary } };

    private static bool IsBlank(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: var value } && (value is null || (value is string text && text.Trim().Length == 0));
}
