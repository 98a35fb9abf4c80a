using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KubeKernel.Analyzers.Tests;

/// <summary>Runs one analyzer over inline sources with diagnostic markup (<c>{|KRN1001:DateTime.Now|}</c>) and checks the diagnostics match exactly.</summary>
/// <remarks>
/// References come from the running runtime (plus Stateless), not from a NuGet download, so the tests need no network
/// and see the same framework the kernel builds against.
/// </remarks>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Checks that <paramref name="source"/> yields exactly the diagnostics in its markup plus <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        };
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.All);
        test.TestState.Sources.Add(source);
        test.ExpectedDiagnostics.AddRange(expected);

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
        return test.RunAsync();
    }
}
