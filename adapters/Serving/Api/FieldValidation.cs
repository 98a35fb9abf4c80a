namespace KubeKernel.Adapters.Serving.Api;

/// <summary>The <c>fieldValidation</c> query parameter: what to do with fields the kind does not have.</summary>
internal enum FieldValidation
{
    /// <summary>Reject the request (kubectl's default): 400 with <c>strict decoding error: unknown field "spec.replica"</c>.</summary>
    Strict,
    /// <summary>Accept it and answer with a <c>Warning</c> header per unknown field (<c>kubectl --validate=warn</c>).</summary>
    Warn,
    /// <summary>Drop unknown fields silently (<c>kubectl --validate=false</c>).</summary>
    Ignore,
}
