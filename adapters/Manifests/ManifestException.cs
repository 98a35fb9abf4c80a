namespace KubeKernel.Adapters.Manifests;

/// <summary>A manifest that cannot be read or mapped: the message names the file, the document and, where known, the line.</summary>
internal sealed class ManifestException(string message) : Exception(message);
