namespace KubeKernel.Adapters.Serving.Http;

/// <summary>kube-apiserver's static token file (<c>--token-auth-file</c>): one <c>token,user,uid[,"group1,group2"]</c> per line.</summary>
internal sealed class TokenFile
{
    private readonly Dictionary<string, string> users;

    private TokenFile(Dictionary<string, string> users) => this.users = users;

    /// <summary>Reads the file; a malformed line is an error naming its line number.</summary>
    public static TokenFile Read(string path)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',', 4);
            if (fields.Length < 3 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException($"{path}: line {i + 1}: expected token,user,uid[,\"groups\"]");
            }

            users[fields[0]] = fields[1];
        }

        if (users.Count == 0)
        {
            throw new FormatException($"{path}: no tokens");
        }

        return new TokenFile(users);
    }

    /// <summary>The user an <c>Authorization: Bearer …</c> header authenticates, or null.</summary>
    public string? Authenticate(string? authorization) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) && users.TryGetValue(header["Bearer ".Length..].Trim(), out var user) ? user : null;

    /// <summary>A token to put in a kubeconfig: the first one in the file.</summary>
    public string FirstToken => users.Keys.First();
}
