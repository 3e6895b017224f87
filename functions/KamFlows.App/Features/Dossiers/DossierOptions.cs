using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Dossiers;

/// <summary>Limits of dossier documents (section Dossiers).</summary>
public sealed class DossierOptions
{
    public const string Section = "Dossiers";

    /// <summary>The largest document an upload may carry; tender files run to tens of megabytes.</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long a download link stays valid: long enough to click, short enough that a forwarded link soon dies.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

internal sealed class DossierOptionsValidator : IValidateOptions<DossierOptions>
{
    public ValidateOptionsResult Validate(string? name, DossierOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add("Dossiers:MaxUploadBytes must be between 1 KiB and 1 GiB.");
        }

        if (options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("Dossiers:LinkLifetime must be between 1 minute and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
