using Verify = KubeKernel.Analyzers.Tests.AnalyzerVerifier<KubeKernel.Analyzers.NondeterministicApiAnalyzer>;

namespace KubeKernel.Analyzers.Tests.Rules;

/// <summary>KRN1001: clocks, randomness, I/O, environment, threading and per-process hash codes.</summary>
public class NondeterministicApiTests
{
    [Theory]
    [InlineData("long M() => {|KRN1001:DateTime.Now|}.Ticks;")]
    [InlineData("long M() => {|KRN1001:DateTime.UtcNow|}.Ticks;")]
    [InlineData("long M() => {|KRN1001:DateTimeOffset.Now|}.Ticks;")]
    [InlineData("TimeProvider M() => {|KRN1001:TimeProvider.System|};")]
    [InlineData("int M() => {|KRN1001:Environment.TickCount|};")]
    [InlineData("long M() => {|KRN1001:System.Diagnostics.Stopwatch.GetTimestamp()|};")]
    [InlineData("object M() => {|KRN1001:System.Diagnostics.Stopwatch.StartNew()|};")]
    [InlineData("int M() => {|KRN1001:new Random(42)|}.Next();")]
    [InlineData("int M() => {|KRN1001:Random.Shared|}.Next();")]
    [InlineData("Guid M() => {|KRN1001:Guid.NewGuid()|};")]
    [InlineData("int M() => {|KRN1001:System.Security.Cryptography.RandomNumberGenerator.GetInt32(10)|};")]
    [InlineData("void M() => {|KRN1001:Console.WriteLine(\"hello\")|};")]
    [InlineData("string M() => {|KRN1001:System.IO.File.ReadAllText(\"x\")|};")]
    [InlineData("string M() => {|KRN1001:System.IO.Path.GetTempPath()|};")]
    [InlineData("object M() => {|KRN1001:new System.Net.Http.HttpClient()|};")]
    [InlineData("object M() => {|KRN1001:System.Diagnostics.Process.GetCurrentProcess()|};")]
    [InlineData("string? M() => {|KRN1001:Environment.GetEnvironmentVariable(\"HOME\")|};")]
    [InlineData("string M() => {|KRN1001:Environment.MachineName|};")]
    [InlineData("string M() => \"a\" + {|KRN1001:Environment.NewLine|};")]
    [InlineData("object M() => {|KRN1001:new System.Collections.Concurrent.ConcurrentDictionary<string, int>()|};")]
    [InlineData("object M() => {|KRN1001:new System.Threading.Lock()|};")]
    [InlineData("object M() => {|KRN1001:System.Threading.Tasks.Task.Run(() => 1)|};")]
    [InlineData("void M() => {|KRN1001:System.Threading.Thread.Sleep(1)|};")]
    [InlineData("void M() => {|KRN1001:System.Threading.Tasks.Parallel.For(0, 2, _ => { })|};")]
    [InlineData("int M(int[] xs) => {|KRN1001:System.Linq.ParallelEnumerable.AsParallel(xs)|}.Count();")]
    [InlineData("int M(ref int x) => {|KRN1001:System.Threading.Interlocked.Increment(ref x)|};")]
    [InlineData("int M(string s) => {|KRN1001:s.GetHashCode()|};")]
    [InlineData("int M(string s) => {|KRN1001:StringComparer.Ordinal.GetHashCode(s)|};")]
    [InlineData("int M(string a, int b) => {|KRN1001:HashCode.Combine(a, b)|};")]
    [InlineData("int M(object o) => {|KRN1001:System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(o)|};")]
    public Task Nondeterministic_and_effectful_apis_are_flagged(string member) =>
        Verify.VerifyAsync($$"""
            using System;
            using System.Linq;
            class C { {{member}} }
            """);

    [Fact]
    public Task A_lock_statement_is_flagged() => Verify.VerifyAsync("""
        class C
        {
            private readonly object gate = new();
            private int count;
            void M() { {|KRN1001:lock|} (gate) { count++; } }
        }
        """);

    [Fact]
    public Task A_hash_code_that_names_something_is_flagged_even_when_formatted() => Verify.VerifyAsync("""
        record Pod(string Name);
        class C { string Suffix(Pod pod) => {|KRN1001:pod.GetHashCode()|}.ToString("x8"); }
        """);

    [Theory]
    [InlineData("long M(long now) => now + 1000;")]
    [InlineData("DateTime M() => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);")]
    [InlineData("Guid M() => Guid.Parse(\"0f8fad5b-d9cb-469f-a165-70867728950e\");")]
    [InlineData("string M() => nameof(DateTime.Now);")]
    [InlineData("int M(int x) => x.GetHashCode();")]
    [InlineData("int M(DayOfWeek d) => d.GetHashCode();")]
    [InlineData("string M() { var w = new System.IO.StringWriter(); w.Write(1); return w.ToString(); }")]
    [InlineData("System.Net.IPAddress M() => System.Net.IPAddress.Parse(\"10.0.0.1\");")]
    [InlineData("void M(System.Threading.CancellationToken token) => token.ThrowIfCancellationRequested();")]
    public Task Pure_apis_are_not_flagged(string member) =>
        Verify.VerifyAsync($$"""
            using System;
            class C { {{member}} }
            """);

    [Fact]
    public Task Hash_codes_inside_GetHashCode_implementations_only_feed_hashing() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;

        sealed class Key : IEquatable<Key>
        {
            public string Name { get; init; } = "";
            public bool Equals(Key? other) => other is not null && other.Name == Name;
            public override bool Equals(object? obj) => Equals(obj as Key);
            public override int GetHashCode() => HashCode.Combine(Name.GetHashCode(), StringComparer.Ordinal.GetHashCode(Name));
        }

        sealed class NameComparer : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);
            public int GetHashCode(string obj)
            {
                var hash = new HashCode();
                foreach (var c in obj) { hash.Add(c); }
                return hash.ToHashCode();
            }
        }
        """);
}
