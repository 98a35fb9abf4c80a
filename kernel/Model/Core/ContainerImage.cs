using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An image present on a node (ImageLocality).</summary>
/// <param name="Names">The image's names on the node, e.g. <c>nginx:1.27</c> and its digest form.</param>
/// <param name="SizeBytes">The image's size in bytes, which weighs the ImageLocality score.</param>
public sealed record ContainerImage(ValueList<string> Names, long SizeBytes);
