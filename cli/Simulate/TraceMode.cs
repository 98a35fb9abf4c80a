namespace KubeKernel.Cli.Simulate;

/// <summary><c>simulate --trace</c>: whether the numbered trace is printed.</summary>
internal enum TraceMode
{
    /// <summary>The trace when it has at most <see cref="TraceKeeper.AutoLimit"/> steps, a summary otherwise.</summary>
    Auto,

    /// <summary>The whole trace, however long.</summary>
    Full,

    /// <summary>No trace: the summary only.</summary>
    None,
}
