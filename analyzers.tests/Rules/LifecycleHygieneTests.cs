using Verify = KubeKernel.Analyzers.Tests.AnalyzerVerifier<KubeKernel.Analyzers.LifecycleHygieneAnalyzer>;

namespace KubeKernel.Analyzers.Tests.Rules;

/// <summary>KRN1004: Stateless machines are effect-free and their guard lambdas are described.</summary>
public class LifecycleHygieneTests
{
    private const string Machine = """
        using System;
        using Stateless;

        enum Phase { Pending, Running, Failed }
        enum Trigger { Start, Fail }

        static class Lifecycle
        {
            static bool IsBound(int node) => node > 0;

            static bool IsUnbound() => false;

            static StateMachine<Phase, Trigger> Configure(Func<Phase> read, Action<Phase> write, Func<int> node)
            {
                var machine = new StateMachine<Phase, Trigger>(read, write);
                machine.Configure(Phase.Pending)
                    .Permit(Trigger.Fail, Phase.Failed)
                    .Ignore(Trigger.Start)
                    .PermitIf(Trigger.Start, Phase.Running, () => IsBound(node()), "bound to a node");
                /*BODY*/
                return machine;
            }
        }
        """;

    [Theory]
    [InlineData("{|KRN1004:machine.Configure(Phase.Running).OnEntry(() => Console.WriteLine(\"started\"))|};")]
    [InlineData("{|KRN1004:machine.Configure(Phase.Running).OnExit(() => { })|};")]
    [InlineData("{|KRN1004:machine.Configure(Phase.Running).OnEntryFrom(Trigger.Start, () => { })|};")]
    [InlineData("{|KRN1004:machine.Configure(Phase.Running).OnActivate(() => { })|};")]
    [InlineData("{|KRN1004:machine.Configure(Phase.Running).InternalTransition(Trigger.Start, _ => { })|};")]
    [InlineData("{|KRN1004:machine.OnTransitioned(t => Console.WriteLine(t.Destination))|};")]
    [InlineData("{|KRN1004:machine.OnUnhandledTrigger((state, trigger) => { })|};")]
    public Task Actions_on_a_machine_are_flagged(string body) => Verify.VerifyAsync(Machine.Replace("/*BODY*/", body, StringComparison.Ordinal));

    [Theory]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, {|KRN1004:() => node() == 0|});")]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, {|KRN1004:() => node() == 0|}, null);")]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, {|KRN1004:() => node() == 0|}, \" \");")]
    [InlineData("machine.Configure(Phase.Running).IgnoreIf(Trigger.Start, {|KRN1004:delegate { return true; }|});")]
    [InlineData("machine.Configure(Phase.Failed).PermitReentryIf(Trigger.Fail, {|KRN1004:() => true|});")]
    [InlineData("Func<bool> lost = () => node() == 0; machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, {|KRN1004:lost|});")]
    [InlineData("bool Lost() => node() == 0; machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, {|KRN1004:Lost|});")]
    public Task Guards_that_are_not_named_methods_and_lack_a_description_are_flagged(string body) => Verify.VerifyAsync(Machine.Replace("/*BODY*/", body, StringComparison.Ordinal));

    [Theory]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, () => node() == 0, \"lost its node\");")]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, guardDescription: \"lost its node\", guard: () => node() == 0);")]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, IsUnbound);")]
    [InlineData("machine.Configure(Phase.Running).PermitIf(Trigger.Fail, Phase.Failed, Tuple.Create<Func<bool>, string>(() => node() == 0, \"lost its node\"));")]
    [InlineData("machine.Configure(Phase.Running).SubstateOf(Phase.Pending).Permit(Trigger.Fail, Phase.Failed);")]
    public Task Described_or_named_guards_and_plain_transitions_are_not_flagged(string body) =>
        Verify.VerifyAsync(Machine.Replace("/*BODY*/", body, StringComparison.Ordinal));
}
