using KubeKernel.Api.Admission;
using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidatePriorityClass</c>: user classes at most 1 000 000 000; the <c>system-</c> prefix is reserved for the built-in classes.</summary>
internal static class PriorityClassValidation
{
    public static void Validate(FieldErrors errors, PriorityClass pc)
    {
        NameValidation.ValidateObjectName(errors, pc.Metadata.Name);
        if (pc.Metadata.Name.StartsWith("system-", StringComparison.Ordinal))
        {
            var builtIn = PriorityAdmission.Find(pc.Metadata.Name, Store.ObjectStore.Empty);
            if (builtIn is null || builtIn.Value != pc.Value || pc.GlobalDefault)
            {
                errors.Forbidden("metadata.name", $"priority class names with 'system-' prefix are reserved for system use only. error: {pc.Metadata.Name} is not a known system priority class");
            }
        }
        else if (pc.Value > PriorityAdmission.HighestUserDefinablePriority)
        {
            errors.Forbidden("value", $"maximum allowed value of a user defined priority is {PriorityAdmission.HighestUserDefinablePriority}");
        }
    }
}
