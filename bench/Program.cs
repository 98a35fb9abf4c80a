using BenchmarkDotNet.Running;

if (args is ["scheduler-throughput", .. var rest])
{
    // A timing harness for workloads too long for BenchmarkDotNet's repetitions (see bench/Scheduling).
    KubeKernel.Bench.Scheduling.SchedulerThroughput.Run(rest);
    return;
}

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Scheduling*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
