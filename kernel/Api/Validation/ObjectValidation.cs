using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary>Dispatches validation by kind; returns the causes (empty when valid).</summary>
internal static class ObjectValidation
{
    public static IReadOnlyList<string> Validate(KubeObject obj, KubeObject? old)
    {
        var errors = new FieldErrors();
        MetadataValidation.Validate(errors, obj.Metadata);
        switch (obj)
        {
            case Deployment d:
                DeploymentValidation.Validate(errors, d, old as Deployment);
                break;
            case ReplicaSet rs:
                ReplicaSetValidation.Validate(errors, rs);
                break;
            case Job job:
                JobValidation.Validate(errors, job, old as Job);
                break;
            case Pod pod:
                NameValidation.ValidateObjectName(errors, pod.Metadata.Name);
                PodSpecValidation.Validate(errors, pod.Spec, "spec", RestartPolicy.Always, RestartPolicy.OnFailure, RestartPolicy.Never);
                if (old is Pod before)
                {
                    PodUpdateValidation.Validate(errors, pod, before);
                }

                break;
            case Service svc:
                ServiceValidation.Validate(errors, svc, old as Service);
                break;
            case Ingress ingress:
                IngressValidation.Validate(errors, ingress);
                break;
            case ConfigMap cm:
                ConfigMapValidation.Validate(errors, cm, old as ConfigMap);
                break;
            case Secret secret:
                SecretValidation.Validate(errors, secret, old as Secret);
                break;
            case PriorityClass pc:
                PriorityClassValidation.Validate(errors, pc);
                break;
            case Namespace ns:
                if (!NameValidation.IsDns1123Label(ns.Metadata.Name))
                {
                    errors.Invalid("metadata.name", ns.Metadata.Name, NameValidation.Dns1123LabelMessage);
                }

                break;
            default:
                NameValidation.ValidateObjectName(errors, obj.Metadata.Name);
                break;
        }

        return errors.All;
    }
}
