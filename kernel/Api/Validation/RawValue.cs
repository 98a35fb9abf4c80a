namespace KubeKernel.Api.Validation;

/// <summary>A value already rendered the way Go prints it (<c>map[string]string{…}</c>), printed without quotes.</summary>
internal sealed record RawValue(string Text);
