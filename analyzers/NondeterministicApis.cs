using Microsoft.CodeAnalysis;

namespace KubeKernel.Analyzers;

/// <summary>The API list behind KRN1001: what a pure, deterministic core may not call, and why.</summary>
/// <remarks>
/// Bans are by symbol, like Microsoft.CodeAnalysis.BannedApiAnalyzers' <c>BannedSymbols.txt</c>, at three grains:
/// one member of a type, every member of a type (and its subclasses), or every type in a namespace
/// (minus the pure in-memory types listed in <see cref="AllowedTypes"/>; <c>System.Threading</c> covers tasks,
/// <c>Parallel</c>, threads and locks). What a list cannot say —
/// hash codes outside hashing, the <c>lock</c> statement — is in <see cref="NondeterministicApiAnalyzer"/>.
/// </remarks>
internal static class NondeterministicApis
{
    public const string Clock = "reads the wall clock; use the logical clock (ClusterState.Now, logical milliseconds)";
    public const string Randomness = "is random; derive names and identities from counters in the state (see Identity)";
    public const string InputOutput = "does I/O; the core returns commands and the shell (adapters/) carries them out";
    public const string Environment = "reads the machine or process environment; pass what the core needs in through ClusterConfig";
    public const string Threading = "is concurrency; the core is a single-threaded pure function and drivers decide what runs when";
    public const string Hashing = "is randomised per process (string hashes differ between runs); hash only inside a GetHashCode implementation, and order or name things by ordinal keys";

    /// <summary>Single members: type metadata name → member name → reason.</summary>
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> Members =
        new Dictionary<string, ImmutableDictionary<string, string>>
        {
            ["System.DateTime"] = Reasons(Clock, "Now", "UtcNow", "Today", "ToLocalTime"),
            ["System.DateTimeOffset"] = Reasons(Clock, "Now", "UtcNow", "ToLocalTime", "LocalDateTime"),
            ["System.TimeProvider"] = Reasons(Clock, "System"),
            ["System.Guid"] = Reasons(Randomness, "NewGuid", "CreateVersion7"),
            ["System.Runtime.CompilerServices.RuntimeHelpers"] = Reasons(Hashing, "GetHashCode"),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Whole types (and their subclasses): type metadata name → reason.</summary>
    private static readonly ImmutableDictionary<string, string> Types =
        new Dictionary<string, string>
        {
            ["System.Random"] = Randomness,
            ["System.Security.Cryptography.RandomNumberGenerator"] = Randomness,
            ["System.Diagnostics.Stopwatch"] = Clock,
            ["System.TimeZoneInfo"] = Environment,
            ["System.Environment"] = Environment,
            ["System.AppContext"] = Environment,
            ["System.AppDomain"] = Environment,
            ["System.GC"] = Environment,
            ["System.Runtime.InteropServices.RuntimeInformation"] = Environment,
            ["System.Console"] = InputOutput,
            ["System.Diagnostics.Process"] = InputOutput,
            ["System.Diagnostics.ProcessStartInfo"] = InputOutput,
            ["System.Diagnostics.Trace"] = InputOutput,
            ["System.Net.Dns"] = InputOutput,
            ["System.Net.WebClient"] = InputOutput,
            ["System.Net.WebRequest"] = InputOutput,
            ["System.Net.HttpListener"] = InputOutput,
            ["System.Linq.ParallelEnumerable"] = Threading,
            ["System.Collections.Immutable.ImmutableInterlocked"] = Threading,
            ["System.HashCode"] = Hashing,
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Whole namespaces (and the namespaces inside them): namespace → reason.</summary>
    private static readonly ImmutableArray<KeyValuePair<string, string>> Namespaces =
    [
        new("System.IO", InputOutput),
        new("System.Net.Http", InputOutput),
        new("System.Net.Sockets", InputOutput),
        new("System.Net.WebSockets", InputOutput),
        new("System.Net.NetworkInformation", InputOutput),
        new("System.Net.Mail", InputOutput),
        new("System.Net.Security", InputOutput),
        new("Microsoft.Win32", Environment),
        new("System.Threading", Threading),
        new("System.Timers", Clock),
        new("System.Collections.Concurrent", Threading),
    ];

    /// <summary>Pure, in-memory types inside banned namespaces.</summary>
    private static readonly ImmutableHashSet<string> AllowedTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "System.IO.MemoryStream",
        "System.IO.StringReader",
        "System.IO.StringWriter",
        "System.IO.TextReader",
        "System.IO.TextWriter",
        "System.IO.Stream",
        "System.IO.BinaryReader",
        "System.IO.BinaryWriter",
        "System.IO.IOException",
        "System.IO.InvalidDataException",
        "System.IO.EndOfStreamException",
        // Non-cryptographic hashes of bytes in memory: the same value on every machine and in every process.
        "System.IO.Hashing.XxHash64",
        "System.IO.Hashing.XxHash128",
        // Cancellation decides whether work finishes, not what it computes; its sources (timers) stay banned.
        "System.Threading.CancellationToken");

    /// <summary>Why <paramref name="member"/> (a method, property, field, event or constructor) is banned, or null when it is not.</summary>
    public static string? ReasonFor(ISymbol member)
    {
        if (member.ContainingType is not { } type)
        {
            return null;
        }

        if (Members.TryGetValue(Symbols.MetadataName(type), out var members) && members.TryGetValue(member.Name, out var reason))
        {
            return reason;
        }

        foreach (var candidate in Symbols.SelfAndBaseTypes(type))
        {
            if (Types.TryGetValue(Symbols.MetadataName(candidate), out reason))
            {
                return reason;
            }
        }

        return ReasonForNamespace(type);
    }

    private static string? ReasonForNamespace(INamedTypeSymbol type)
    {
        var outermost = type;
        while (outermost.ContainingType is { } outer)
        {
            outermost = outer;
        }

        if (AllowedTypes.Contains(Symbols.MetadataName(outermost)))
        {
            return null;
        }

        var ns = Symbols.NamespaceOf(outermost);
        foreach (var banned in Namespaces)
        {
            if (Symbols.IsInNamespace(ns, banned.Key))
            {
                return banned.Value;
            }
        }

        return null;
    }

    private static ImmutableDictionary<string, string> Reasons(string reason, params string[] members) =>
        members.ToImmutableDictionary(m => m, _ => reason, StringComparer.Ordinal);
}
