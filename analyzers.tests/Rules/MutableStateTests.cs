using Verify = KubeKernel.Analyzers.Tests.AnalyzerVerifier<KubeKernel.Analyzers.MutableStateAnalyzer>;

namespace KubeKernel.Analyzers.Tests.Rules;

/// <summary>KRN1003: mutable model, event and command types; static mutable state anywhere.</summary>
public class MutableStateTests
{
    [Theory]
    [InlineData("KubeKernel.Model", "public sealed record Pod { public string {|KRN1003:Name|} { get; set; } = \"\"; }")]
    [InlineData("KubeKernel.Model", "public sealed record Pod { public string {|KRN1003:Name|} { get; private set; } = \"\"; }")]
    [InlineData("KubeKernel.Events", "public sealed class NodeRegistered { public string {|KRN1003:node|} = \"\"; }")]
    [InlineData("KubeKernel.Commands", "public sealed record SyncPod(List<string> {|KRN1003:Containers|});")]
    [InlineData("KubeKernel.Model", "public sealed record PodSpec(string[] {|KRN1003:Args|});")]
    [InlineData("KubeKernel.Model", "public sealed record Labels(Dictionary<string, string> {|KRN1003:Items|});")]
    [InlineData("KubeKernel.Model", "public sealed record Ports(ImmutableArray<int[]> {|KRN1003:Ranges|});")]
    [InlineData("KubeKernel.Model", "public record struct Port(int {|KRN1003:Number|});")]
    [InlineData("KubeKernel.Model.Networking", "public sealed record Endpoint { public IList<string> {|KRN1003:Addresses|} { get; init; } = []; }")]
    public Task Mutable_members_of_model_event_and_command_types_are_flagged(string ns, string declaration) =>
        Verify.VerifyAsync($$"""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            namespace {{ns}};
            {{declaration}}
            """);

    [Fact]
    public Task Types_deriving_from_a_value_root_are_values_wherever_they_are_declared() => Verify.VerifyAsync("""
        namespace KubeKernel.Events { public abstract record ClusterEvent; }
        namespace KubeKernel.Scheduling
        {
            public sealed record PodPreempted(string Pod) : KubeKernel.Events.ClusterEvent
            {
                public int {|KRN1003:Attempts|} { get; set; }
            }
        }
        """);

    [Theory]
    [InlineData("private static int {|KRN1003:counter|};")]
    [InlineData("[System.ThreadStatic] private static int {|KRN1003:depth|};")]
    [InlineData("public static string {|KRN1003:Mode|} { get; set; } = \"\";")]
    [InlineData("private static readonly List<string> {|KRN1003:Seen|} = new();")]
    [InlineData("private static readonly string[] {|KRN1003:Protocols|} = [\"TCP\", \"UDP\"];")]
    [InlineData("public static Dictionary<string, int> {|KRN1003:Cache|} { get; } = new();")]
    [InlineData("private static readonly System.Text.StringBuilder {|KRN1003:Buffer|} = new();")]
    [InlineData("private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> {|KRN1003:Memo|} = new();")]
    public Task Static_mutable_state_is_flagged_anywhere_in_the_core(string member) =>
        Verify.VerifyAsync($$"""
            using System.Collections.Generic;
            namespace KubeKernel.Controllers;
            public static class Registry { {{member}} }
            """);

    [Fact]
    public Task Immutable_values_are_not_flagged() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Immutable;
        namespace KubeKernel.Model;

        public sealed record Pod(string Name, ImmutableArray<string> Containers, ImmutableSortedDictionary<string, string> Labels)
        {
            public const int MaxNameLength = 253;
            public static readonly Pod Empty = new("", [], ImmutableSortedDictionary<string, string>.Empty);
            public string Namespace { get; init; } = "default";
            public bool IsNamed => Name.Length > 0;
        }

        public readonly record struct Quantity(decimal Amount, string Format);

        public readonly struct Suffixes
        {
            private static readonly ImmutableArray<(string Suffix, decimal Factor)> Binary = [("Ki", 1024m)];
            private static readonly Func<string, string[]> Split = s => s.Split(',');
            private readonly ImmutableArray<string> items;
            public Suffixes(ImmutableArray<string> items) => this.items = items;
            public static string[] Fresh => ["Ki", "Mi"];
            public int Count => items.Length + Binary.Length + Split("a").Length;
        }

        public enum PodPhase { Pending, Running }
        """);

    [Fact]
    public Task Drivers_and_builders_outside_the_value_namespaces_may_keep_instance_state() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        namespace KubeKernel;

        public sealed class StepContext
        {
            private readonly List<string> commands = new();
            private int steps;
            public string State { get; set; } = "";
            public void Emit(string command) { commands.Add(command); steps++; }
        }
        """);
}
