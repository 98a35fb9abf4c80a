using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KubeKernel.Analyzers;

/// <summary>KRN1001: clocks, randomness, I/O, environment, threading and per-process hash codes in the core.</summary>
/// <remarks>
/// The list is in <see cref="NondeterministicApis"/>. On top of the list: <c>lock</c> statements, and hash codes
/// (<c>GetHashCode</c> of anything but integers, booleans, chars and enums; any <c>System.HashCode</c> member)
/// outside a <c>GetHashCode</c> implementation — inside one they only feed hashing, outside they can reach output.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NondeterministicApiAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rules.NondeterministicApi];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            AnalyzeReference,
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.EventReference,
            OperationKind.MethodReference);
        context.RegisterOperationAction(AnalyzeLock, OperationKind.Lock);
    }

    private static void AnalyzeReference(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        var (member, instance) = Referenced(operation);
        if (member is null || ReasonFor(member, instance) is not { } reason || IsInsideNameof(operation))
        {
            return;
        }

        // Building a hash inside GetHashCode is what hash codes are for; they cannot reach output from there.
        if (reason == NondeterministicApis.Hashing && IsInsideHashing(context.ContainingSymbol))
        {
            return;
        }

        // Random.Shared.Next() and xs.AsParallel().Count() are one finding each, reported at the receiver.
        if (Referenced(Symbols.Unwrap(Receiver(operation))) is ({ } receiver, var receiverInstance) && ReasonFor(receiver, receiverInstance) is not null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rules.NondeterministicApi, operation.Syntax.GetLocation(), Describe(member), reason));
    }

    private static (ISymbol? Member, IOperation? Instance) Referenced(IOperation? operation) => operation switch
    {
        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance),
        IObjectCreationOperation creation => (creation.Constructor, null),
        IMemberReferenceOperation reference => (reference.Member, reference.Instance),
        _ => (null, null),
    };

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } extension => extension.Arguments[0].Value,
        IInvocationOperation invocation => invocation.Instance,
        IMemberReferenceOperation reference => reference.Instance,
        _ => null,
    };

    private static string? ReasonFor(ISymbol member, IOperation? instance) =>
        NondeterministicApis.ReasonFor(member) ?? (IsHashCode(member, instance) ? NondeterministicApis.Hashing : null);

    private static void AnalyzeLock(OperationAnalysisContext context) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.NondeterministicApi,
            context.Operation.Syntax.GetFirstToken().GetLocation(),
            "lock",
            NondeterministicApis.Threading));

    /// <summary>A <c>GetHashCode</c> whose value depends on the process: anything but integral, boolean, char and enum receivers.</summary>
    private static bool IsHashCode(ISymbol member, IOperation? instance)
    {
        if (member is not IMethodSymbol { Name: "GetHashCode", ReturnType.SpecialType: SpecialType.System_Int32 } method)
        {
            return false;
        }

        // IEqualityComparer<T>.GetHashCode(T) hashes its argument; object.GetHashCode() and string's overloads hash the receiver.
        var hashed = method.Parameters.Length == 1 && method.ContainingType.SpecialType != SpecialType.System_String
            ? method.Parameters[0].Type
            : instance?.Type ?? method.ContainingType;
        return !HasStableHash(hashed);
    }

    private static bool HasStableHash(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64;

    /// <summary>Inside a <c>GetHashCode</c> implementation (an override, or an <c>IEqualityComparer</c> member), lambdas included.</summary>
    private static bool IsInsideHashing(ISymbol? containing) =>
        Symbols.EnclosingMember(containing) is IMethodSymbol { Name: "GetHashCode", ReturnType.SpecialType: SpecialType.System_Int32 };

    private static bool IsInsideNameof(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => "new " + ctor.ContainingType.Name,
        _ => member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name,
    };
}
