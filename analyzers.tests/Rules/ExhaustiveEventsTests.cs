using Microsoft.CodeAnalysis.Testing;
using Verify = KubeKernel.Analyzers.Tests.AnalyzerVerifier<KubeKernel.Analyzers.ExhaustiveEventsAnalyzer>;

namespace KubeKernel.Analyzers.Tests.Rules;

/// <summary>KRN1005: a switch over a closed hierarchy names every concrete type.</summary>
public class ExhaustiveEventsTests
{
    private const string Hierarchy = """
        using System;

        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        sealed class ClosedHierarchyAttribute : Attribute;

        [ClosedHierarchy]
        abstract record ClusterEvent;
        sealed record ObjectSubmitted(string RequestId) : ClusterEvent;
        sealed record ObjectDeleted(string RequestId) : ClusterEvent;
        abstract record NodeEvent(string Node) : ClusterEvent;
        sealed record NodeRegistered(string Node) : NodeEvent(Node);
        sealed record NodeHeartbeatReceived(string Node, bool Ready) : NodeEvent(Node);

        abstract record HistoryStep;
        sealed record ApplyStep : HistoryStep;
        sealed record SettleStep : HistoryStep;
        """;

    [Fact]
    public Task A_reducer_switch_that_misses_an_event_is_flagged() => Verify.VerifyAsync(Hierarchy + """
        static class Kernel
        {
            static int Step(ClusterEvent @event)
            {
                switch ({|KRN1005:@event|})
                {
                    case ObjectSubmitted submitted:
                        return 1;
                    case NodeRegistered registered:
                        return 2;
                    case NodeHeartbeatReceived heartbeat:
                        return 3;
                }

                return 0;
            }
        }
        """);

    [Fact]
    public Task A_default_arm_does_not_count_as_handling_the_rest() => Verify.VerifyAsync(Hierarchy + """
        static class Describe
        {
            static string Name(ClusterEvent e) => {|KRN1005:e|} switch
            {
                ObjectSubmitted => "submitted",
                ClusterEvent other => "something else",
            };

            static string Kind(ClusterEvent e) => {|KRN1005:e|} switch
            {
                ObjectSubmitted or ObjectDeleted => "api",
                _ => "other",
            };
        }
        """);

    [Fact]
    public Task The_diagnostic_names_every_missing_type_in_order() => Verify.VerifyAsync(
        Hierarchy + """
        static class Kernel
        {
            static int Step(ClusterEvent e) => {|#0:e|} switch
            {
                ObjectDeleted => 1,
                _ => 0,
            };
        }
        """,
        DiagnosticResult.CompilerError("KRN1005").WithLocation(0).WithArguments("ClusterEvent", "'NodeHeartbeatReceived', 'NodeRegistered', 'ObjectSubmitted'"));

    [Fact]
    public Task Naming_every_type_directly_through_or_patterns_or_abstract_intermediates_is_not_flagged() => Verify.VerifyAsync(Hierarchy + """
        static class Kernel
        {
            static int Step(ClusterEvent @event)
            {
                switch (@event)
                {
                    case ObjectSubmitted submitted when submitted.RequestId.Length > 0:
                        return 1;
                    case ObjectDeleted { RequestId: "" }:
                        return 2;
                    case NodeEvent node:
                        return 3;
                }

                return 0;
            }

            static string Kind(ClusterEvent e) => e switch
            {
                ObjectSubmitted or ObjectDeleted => "api",
                NodeRegistered or NodeHeartbeatReceived => "node",
                _ => throw new ArgumentOutOfRangeException(nameof(e)),
            };

            static string Node(NodeEvent e) => e switch
            {
                NodeRegistered r => r.Node,
                NodeHeartbeatReceived h => h.Node,
                _ => "",
            };
        }
        """);

    [Fact]
    public Task Open_hierarchies_and_type_tests_outside_switches_are_not_checked() => Verify.VerifyAsync(Hierarchy + """
        static class Runner
        {
            static int Run(HistoryStep step) => step switch
            {
                ApplyStep => 1,
                _ => 0,
            };

            static bool IsApi(ClusterEvent e) => e is ObjectSubmitted;
        }
        """);
}
