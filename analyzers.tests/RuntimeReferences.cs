using Microsoft.CodeAnalysis;

namespace KubeKernel.Analyzers.Tests;

/// <summary>Metadata references for test compilations: the running .NET runtime's assemblies and Stateless.</summary>
/// <remarks>Taken from the running runtime rather than downloaded (the testing library's default), so the tests need no network.</remarks>
public static class RuntimeReferences
{
    /// <summary>Every trusted platform assembly of the running runtime, plus Stateless.</summary>
    public static IReadOnlyList<MetadataReference> All { get; } = Load();

    private static MetadataReference[] Load()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return [.. platform.Append(typeof(Stateless.StateMachine<,>).Assembly.Location)
            .Order(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }
}
