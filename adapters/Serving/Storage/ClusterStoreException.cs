namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>A store could not be read or written (unreachable, or changed by another writer); the message says why in one line.</summary>
internal sealed class ClusterStoreException(string message) : Exception(message);
