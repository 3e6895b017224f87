using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Proposals;

/// <summary>How proposals are followed up (section Proposals). A proposal keeps the timings it was submitted with.</summary>
public sealed class ProposalsOptions
{
    public const string Section = "Proposals";

    /// <summary>The largest proposal PDF, uploaded or from the dossier: it goes as an email attachment.</summary>
    public long MaxPdfBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Business days of the KAM's calendar before the validity date when the KAM is reminded.</summary>
    public int ValidityReminderBusinessDays { get; set; } = Domain.Proposals.ProposalTimings.DefaultValidityReminder;

    public int DeliveryCallAfterDays { get; set; } = 7;

    public int FeedbackAfterDays { get; set; } = 30;

    public int RecommendationAfterDays { get; set; } = 60;

    public Domain.Proposals.ProposalTimings Timings() =>
        new(ValidityReminderBusinessDays, DeliveryCallAfterDays, FeedbackAfterDays, RecommendationAfterDays);
}

internal sealed class ProposalsOptionsValidator : IValidateOptions<ProposalsOptions>
{
    public ValidateOptionsResult Validate(string? name, ProposalsOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPdfBytes is < 1024 or > 30L * 1024 * 1024)
        {
            failures.Add("Proposals:MaxPdfBytes must be between 1 KiB and 30 MiB (SendGrid takes at most 30 MB per email).");
        }

        if (options.ValidityReminderBusinessDays is < 1 or > 60)
        {
            failures.Add("Proposals:ValidityReminderBusinessDays must be between 1 and 60.");
        }

        if (options.DeliveryCallAfterDays < 1 || options.FeedbackAfterDays <= options.DeliveryCallAfterDays
            || options.RecommendationAfterDays <= options.FeedbackAfterDays || options.RecommendationAfterDays > 365)
        {
            failures.Add("Proposals: DeliveryCallAfterDays (at least 1) < FeedbackAfterDays < RecommendationAfterDays (at most 365).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
