using BenchmarkDotNet.Running;

if (args is ["scheduler-throughput", .. var rest])
{
    // A timing harness for workloads too long for BenchmarkDotNet's repetitions (see bench/Scheduling).
    KubeKernel.Bench.Scheduling.SchedulerThroughput.Run(rest);
    return;
}

if (args is ["checker-loop", .. var loop])
{
    // The checker benchmark's operation in a loop, for alternating builds and for profiling (see bench/Checking).
    KubeKernel.Bench.Checking.CheckerLoop.Run(loop);
    return;
}

if (args is ["serve-load", .. var serve])
{
    // kernelctl serve under kubectl and concurrent clients: apply, time to Available, mutating latency (see bench/Serving).
    KubeKernel.Bench.Serving.ServeLoad.Run(serve);
    return;
}

if (args is ["scale", .. var scale])
{
    // Kubernetes scale in one process: cold start, churn, steady state and history memory, one child process per size (see bench/Scale).
    Environment.ExitCode = KubeKernel.Bench.Scale.ScaleBenchmark.Run(scale);
    return;
}

if (args is [KubeKernel.Bench.Scale.ScaleRun.Command, .. var size])
{
    // Hidden: one size of `scale`, in the child process `scale` starts for it.
    Environment.ExitCode = KubeKernel.Bench.Scale.ScaleRun.Run(size);
    return;
}

if (args is ["quint-scope", .. var peer])
{
    // The kernel's half of the Quint comparison on the Quint model's scope: throughput and the seeded bug (see bench/quint).
    Environment.ExitCode = KubeKernel.Bench.Peers.QuintComparison.Run(peer);
    return;
}

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Scheduling*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
