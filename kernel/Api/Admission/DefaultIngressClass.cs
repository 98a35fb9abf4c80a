using KubeKernel.Api.Validation;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Api.Admission;

/// <summary>The <c>DefaultIngressClass</c> admission plugin: a new Ingress without a class gets the default IngressClass.</summary>
/// <remarks>
/// Only on create, and only when neither <c>spec.ingressClassName</c> nor the legacy <c>kubernetes.io/ingress.class</c>
/// annotation is set. With several classes marked default, the newest wins (ties by name), as in Kubernetes.
/// </remarks>
internal static class DefaultIngressClass
{
    public static KubeObject Admit(ObjectStore store, KubeObject obj)
    {
        if (obj is not Ingress ingress || ingress.Spec.IngressClassName is not null || ingress.Metadata.Annotations.ContainsKey(IngressValidation.ClassAnnotation))
        {
            return obj;
        }

        var chosen = store.List<IngressClass>()
            .Where(c => c.IsDefault)
            .OrderByDescending(c => c.Metadata.CreationTimestamp)
            .ThenBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return chosen is null ? obj : ingress with { Spec = ingress.Spec with { IngressClassName = chosen.Metadata.Name } };
    }
}
