namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>One <c>meta.k8s.io/v1</c> Table column definition, as the kube-apiserver's printers declare it.</summary>
/// <param name="Name">The column name; kubectl prints it upper-cased as the header (<c>Up-to-date</c> → <c>UP-TO-DATE</c>).</param>
/// <param name="Type">The OpenAPI type of the column's cells: <c>string</c>, <c>integer</c> or <c>boolean</c>.</param>
/// <param name="Format"><c>name</c> on the object's name column, which makes kubectl print <c>deployment.apps/web</c> in multi-type gets; empty otherwise.</param>
/// <param name="Description">What the column shows (kubectl never prints it).</param>
/// <param name="Priority">0 for the columns <c>kubectl get</c> shows, 1 for those only <c>-o wide</c> shows.</param>
internal sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority)
{
    /// <summary>The priority of a column that only <c>kubectl get -o wide</c> shows.</summary>
    public const int Wide = 1;

    /// <summary>A column of string cells.</summary>
    public static TableColumn Text(string name, string description, int priority = 0) => new(name, "string", string.Empty, description, priority);

    /// <summary>A column of integer cells.</summary>
    public static TableColumn Integer(string name, string description, int priority = 0) => new(name, "integer", string.Empty, description, priority);

    /// <summary>A column of boolean cells.</summary>
    public static TableColumn Boolean(string name, string description) => new(name, "boolean", string.Empty, description, 0);
}
