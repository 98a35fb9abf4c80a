namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The columns many kinds share: the object's name, its age, and a workload template's containers and images.</summary>
/// <remarks>Descriptions taken from the API's field documentation are its first sentence; the printers use the whole text, which kubectl never shows.</remarks>
internal static class CommonColumns
{
    public static readonly TableColumn Name = new("Name", "string", "name", "Name must be unique within a namespace.", 0);

    public static readonly TableColumn Age = TableColumn.Text("Age", "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static readonly TableColumn Containers = TableColumn.Text("Containers", "Names of each container in the template.", TableColumn.Wide);

    public static readonly TableColumn Images = TableColumn.Text("Images", "Images referenced by each container in the template.", TableColumn.Wide);
}
