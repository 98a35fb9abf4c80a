namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>How often a field occurs and where its values land in the JSON object.</summary>
internal enum FieldShape
{
    /// <summary>One value under the field's JSON name; a later occurrence replaces it (a message merges into it).</summary>
    Single,

    /// <summary>Each occurrence appends one element to a JSON array.</summary>
    Repeated,

    /// <summary>A <c>map&lt;string, V&gt;</c>: each occurrence is an entry message <c>{1: key, 2: value}</c> of a JSON object.</summary>
    Map,

    /// <summary>
    /// A Go struct embedded with <c>json:",inline"</c> (ProbeHandler in Probe, VolumeSource in Volume,
    /// LocalObjectReference in ConfigMapKeySelector): on the wire a nested message, in JSON its fields sit in the parent.
    /// </summary>
    Inline,
}
