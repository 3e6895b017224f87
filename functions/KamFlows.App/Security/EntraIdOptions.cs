using Microsoft.Extensions.Options;

namespace KamFlows.App.Security;

/// <summary>The Entra ID app registration the API accepts tokens for (section AzureAd, as Microsoft.Identity.Web reads it).</summary>
public sealed class EntraIdOptions
{
    public const string Section = "AzureAd";

    public string? Instance { get; set; }
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? Audience { get; set; }
}

internal sealed class EntraIdOptionsValidator : IValidateOptions<EntraIdOptions>
{
    public ValidateOptionsResult Validate(string? name, EntraIdOptions options)
    {
        var missing = new List<string>();
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out _)) missing.Add("AzureAd:Instance (e.g. https://login.microsoftonline.com/)");
        if (string.IsNullOrWhiteSpace(options.TenantId)) missing.Add("AzureAd:TenantId");
        if (string.IsNullOrWhiteSpace(options.ClientId)) missing.Add("AzureAd:ClientId");
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Sign-in with Entra ID needs these settings outside Development: {string.Join(", ", missing)}.");
    }
}
