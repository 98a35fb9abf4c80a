using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An image present on a node (ImageLocality).</summary>
public sealed record ContainerImage(ValueList<string> Names, long SizeBytes);
