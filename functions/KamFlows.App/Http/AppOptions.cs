using Microsoft.Extensions.Options;

namespace KamFlows.App.Http;

/// <summary>Settings of the app as a whole.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people reach KamFlows at; emailed links start with it.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The largest JSON body an API request may have. Uploads have their own limit.</summary>
    public long MaxJsonBodyBytes { get; set; } = 256 * 1024;
}

internal sealed class AppOptionsValidator : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("App:PublicBaseUrl must be the absolute http(s) address people reach KamFlows at, e.g. https://kamflows.example.com.");
        }

        if (options.MaxJsonBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("App:MaxJsonBodyBytes must be between 1 KiB and 16 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
