using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Checking;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>The checker: generates histories from one seed, checks each, and shrinks the first failure to a minimal replayable history.</summary>
/// <example>
/// <code>
/// var report = ClusterChecker.Run(new CheckSettings { Seed = 42, Histories = 200 });
/// Assert.False(report.Failed, report.Counterexample?.Shrunk.Violation?.Invariant.Statement);
/// </code>
/// </example>
public static class ClusterChecker
{
    /// <summary>FsCheck's size parameter for history generation (lengths are drawn explicitly, so it only bounds list generators).</summary>
    private const int Size = 30;

    /// <summary>
    /// Generates the run's histories from <see cref="CheckSettings.Seed"/>, checks each, and stops at the first violation,
    /// which it shrinks. The same settings give the same report (wall times aside) with any number of
    /// <see cref="CheckSettings.Workers"/>, unless a time budget cuts the run short.
    /// </summary>
    /// <returns>The totals, the merged coverage and the shrunk counterexample, if any.</returns>
    public static CheckReport Run(CheckSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var coverage = new Coverage();
        long events = 0, checks = 0;
        int passed = 0, infeasible = 0, faults = 0, run = 0;
        CheckedHistories.Checked? violated = null;

        // In history order, whichever thread checked each: the totals and the first violation are those of one thread.
        foreach (var history in CheckedHistories.InOrder(settings, Generator(settings), Search(settings), clock))
        {
            history.Failure?.Throw();
            var result = history.Result!;
            run++;
            events += result.Events;
            checks += result.InvariantChecks;
            faults += result.FaultsFired;
            if (result.Coverage is { } c)
            {
                coverage.Add(c);
            }

            settings.Progress?.Invoke(new CheckProgress(run, settings.Histories, events, clock.Elapsed));
            if (result.Verdict == Verdict.Passed)
            {
                passed++;
            }
            else if (result.Verdict == Verdict.Infeasible)
            {
                infeasible++;
            }
            else if (result.Verdict == Verdict.Violated)
            {
                violated = history;
                break;
            }
        }

        // Shrunk once the workers are done: the search for candidates has the machine to itself.
        var counterexample = violated is null ? null : Shrink(violated.Index, violated.Seed, violated.Result!, settings);
        return new CheckReport(settings, run, events, checks, passed, infeasible, faults, coverage, counterexample, counterexample is null && run < settings.Histories, clock.Elapsed);
    }

    /// <summary>The history a run's <paramref name="index"/>-th draw produces (what <c>--seed S</c> replays).</summary>
    public static History Generate(CheckSettings settings, int index)
    {
        return Generate(Generator(settings), HistorySeed(settings.Seed, index));
    }

    /// <summary>
    /// The controllers faults target by default: every controller but the kubelet, whose memory mirrors the container
    /// runtime (node faults cover it), and but the built-in controllers of kinds the generated histories never write
    /// (namespaces, ServiceAccounts). A fault armed against a controller with no work never fires, so drawing those
    /// would only dilute the faults that matter; a run whose own steps write those kinds names its targets in
    /// <see cref="CheckSettings.FaultTargets"/>.
    /// </summary>
    public static IReadOnlyList<string> DefaultFaultTargets(ClusterConfig config) =>
        config.Controllers.All.Select(c => c.Name).Where(n => !IdleInGeneratedHistories.Contains(n)).ToList();

    private static IReadOnlyList<string> IdleInGeneratedHistories =>
    [
        Controllers.ControllerNames.Kubelet,
        Controllers.ControllerNames.Namespace,
        Controllers.ControllerNames.ServiceAccount,
    ];

    internal static Gen<History> Generator(CheckSettings settings) =>
        Histories.Checked(settings.Faults, settings.FaultTargets ?? DefaultFaultTargets(settings.Options.Config), settings.MaxNodes, settings.MaxSteps, settings.ExtraSteps);

    /// <summary>Shrinks a failing history, keeping candidates that violate the same invariant; <paramref name="found"/> must have a violation.</summary>
    /// <exception cref="ArgumentException"><paramref name="found"/> violated no invariant: there is nothing to shrink towards.</exception>
    public static Counterexample Shrink(int index, ulong seed, CheckResult found, CheckSettings settings)
    {
        if (found.Violation is null)
        {
            throw new ArgumentException($"only a history that violated an invariant can be shrunk; this one's verdict is {found.Verdict}", nameof(found));
        }

        var clock = Stopwatch.StartNew();
        var id = found.Violation.Invariant.Id;
        var search = Search(settings);
        var shrunk = Shrinker.Shrink(found.History, h => HistoryChecker.Check(h, search).Violation?.Invariant.Id == id, settings.MaxShrinkAttempts);
        var history = shrunk.History with { Description = $"{id} violated (seed {settings.Seed}, history {index + 1}, shrunk from {found.History.Steps.Count} steps and {found.History.Nodes.Count} nodes)", Seed = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var final = HistoryChecker.Check(history, settings.Options with { Coverage = false, KeepTrace = true });
        return new Counterexample(index, seed, found, final, shrunk.Attempts, clock.Elapsed);
    }

    /// <summary>How the search and the shrinker check a history: for its verdict, keeping no trace (the counterexample is re-checked with one).</summary>
    private static CheckOptions Search(CheckSettings settings) => settings.Options with { KeepTrace = false };

    /// <summary>SplitMix64 of the run seed and the index: independent, reproducible per-history seeds.</summary>
    public static ulong HistorySeed(ulong seed, int index)
    {
        var z = unchecked(seed + ((ulong)(index + 1) * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <remarks>
    /// One sample: FsCheck's <c>Sample(generator, numberOfSamples, seed, size)</c> takes the count before the size. The
    /// first of several samples is the same history (each sample splits the seed in turn), so this draws what earlier
    /// runs drew with their seeds, without generating 29 histories more and throwing them away.
    /// </remarks>
    internal static History Generate(Gen<History> generator, ulong seed) =>
        generator.Sample(numberOfSamples: 1, new Rnd(seed, 0x9E3779B97F4A7C15UL | 1UL), Size)[0];
}
