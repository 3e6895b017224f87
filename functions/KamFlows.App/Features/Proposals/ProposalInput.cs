using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Proposals;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// What a KAM submits: the account, the contacts it goes to, what is proposed, until when, and the
/// PDF, either uploaded here (<see cref="Pdf"/>, base64) or a document of the dossier (<see cref="DocumentId"/>).
/// </summary>
public sealed record ProposalInput(
    [property: Required, StringLength(64)] string? AccountId,
    [property: Required, MinLength(1), MaxLength(10)] string[]? ContactIds,
    [property: Required, StringLength(200, MinimumLength = 1)] string? Title,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Value,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency is an ISO 4217 code such as BRL or EUR.")] string? Currency,
    [property: Range(typeof(decimal), "0", "100")] decimal? DiscountPercent,
    [property: Required] DateOnly? ValidUntil,
    [property: StringLength(64)] string? DocumentId,
    ProposalPdfInput? Pdf,
    [property: StringLength(4000)] string? Message) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((DocumentId is null) == (Pdf is null))
        {
            yield return new ValidationResult("Send the PDF (pdf) or name a dossier document (documentId), one of the two.", [nameof(DocumentId), nameof(Pdf)]);
        }

        var contacts = ContactIds ?? [];
        if (contacts.Any(string.IsNullOrWhiteSpace) || contacts.Distinct(StringComparer.Ordinal).Count() != contacts.Length)
        {
            yield return new ValidationResult("ContactIds are distinct contact ids.", [nameof(ContactIds)]);
        }
    }
}

/// <summary>The proposal PDF itself: its file name and its bytes in base64.</summary>
public sealed record ProposalPdfInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? FileName,
    [property: Required] string? ContentBase64);

/// <summary>Next steps as the KAM heard them: where the urgency comes from, and the call or meeting agreed (with the customer's offset, e.g. 2026-04-07T14:30:00-03:00).</summary>
public sealed record NextStepsInput(
    [property: Required] UrgencyOrigin? Urgency,
    [property: Required] MeetingKind? Kind,
    [property: Required] DateTimeOffset? At);

public sealed record ExtensionInput([property: Required] DateOnly? ValidUntil);

public sealed record OutcomeInput([property: Required] ProposalOutcome? Outcome, LossReason? Reason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Outcome == ProposalOutcome.Lost && Reason is null)
        {
            yield return new ValidationResult("A lost proposal needs its reason: Price, Quality, Relationship, Competitor or Other.", [nameof(Reason)]);
        }

        if (Outcome != ProposalOutcome.Lost && Reason is not null)
        {
            yield return new ValidationResult("Only a lost proposal has a loss reason.", [nameof(Reason)]);
        }
    }
}
