namespace KubeKernel.Adapters.Serving;

/// <summary><c>serve</c> cannot start with these options; the message says why in one line.</summary>
internal sealed class ServeException(string message) : Exception(message);
