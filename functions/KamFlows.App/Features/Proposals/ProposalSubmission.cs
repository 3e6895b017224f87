using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Processes;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Proposals;

/// <summary>What became of a submission.</summary>
public abstract record SubmissionResult
{
    /// <summary>Started now, or started before by the same submission (a retry): the proposal's id either way.</summary>
    public sealed record Accepted(string Id, bool Created) : SubmissionResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : SubmissionResult;

    /// <summary>The Idempotency-Key was used for a submission with another body.</summary>
    public sealed record KeyReused : SubmissionResult;

    public sealed record NotAKam : SubmissionResult;
}

/// <summary>
/// Submits a proposal: checks it against what is stored (the KAM's own account, its contacts with
/// usable addresses, the validity date still ahead in the customer's calendar, the PDF), keeps the
/// record, and starts the follow-up. Idempotent by the KAM's Idempotency-Key: the proposal's id
/// follows from it, so a retry finds the proposal it started, and another body under the same key
/// is refused. Each step can be repeated after a crash: the record is added once, the process
/// started once.
/// </summary>
public sealed class ProposalSubmission(
    AccountAccess access,
    ContactStore contacts,
    DocumentStore documents,
    ProposalStore proposals,
    InstanceStore instances,
    ProcessEngine engine,
    ProcessRegistry registry,
    DiscountAuthorities authorities,
    IOptions<ProposalsOptions> options,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    /// <summary>The proposal's id (its process instance's) for a KAM's idempotency key.</summary>
    public static string IdOf(string kamUserId, string idempotencyKey) =>
        InstanceIds.For(ProposalFollowUpDefinition.DefinitionName, $"{kamUserId}|{idempotencyKey}");

    public async Task<SubmissionResult> SubmitAsync(ClaimsPrincipal principal, string idempotencyKey, ProposalInput input, CancellationToken ct)
    {
        if (!principal.Has(Role.Kam) || principal.KamFlowsUserId() is not { } kam)
        {
            return new SubmissionResult.NotAKam();
        }

        var hash = HashOf(input);
        var id = IdOf(kam, idempotencyKey);
        if (await instances.LoadAsync(id, ct) is { } started)
        {
            return await SameSubmissionAsync(started.Instance, id, hash, ct);
        }

        var errors = new Dictionary<string, string[]>();
        var grant = await access.FindAsync(principal, input.AccountId!, ct);
        if (grant is not { IsTeam: true })
        {
            errors["accountId"] = ["Not one of your accounts."];
            return new SubmissionResult.Invalid(errors);
        }

        var account = grant.Account.Value;
        await CheckContactsAsync(account.Id, input.ContactIds!, errors, ct);
        var customerToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(account.TimeZone)).DateTime);
        if (input.ValidUntil <= customerToday)
        {
            errors["validUntil"] = [$"The validity date must be after today ({customerToday:yyyy-MM-dd} at the customer)."];
        }

        byte[]? pdf = null;
        if (input.Pdf is { } upload)
        {
            pdf = CheckUpload(upload, errors);
        }
        else if (await documents.FindAsync(account.Id, input.DocumentId!, ct) is not { } document)
        {
            errors["documentId"] = ["Not a document of the account's dossier."];
        }
        else if (document.ContentType != "application/pdf" || document.Size > options.Value.MaxPdfBytes)
        {
            errors["documentId"] = [$"The proposal is a PDF of at most {options.Value.MaxPdfBytes} bytes; this document is {document.ContentType}, {document.Size} bytes."];
        }

        if (errors.Count > 0)
        {
            return new SubmissionResult.Invalid(errors);
        }

        // A record left by an earlier attempt that crashed before the start: use it, and its PDF.
        var record = await proposals.FindAsync(account.Id, id, ct);
        if (record is null)
        {
            var documentId = input.DocumentId;
            if (pdf is not null)
            {
                using var bytes = new MemoryStream(pdf);
                var uploaded = await documents.UploadAsync(account.Id, input.Pdf!.FileName, "application/pdf", bytes, options.Value.MaxPdfBytes, null, kam, ct);
                documentId = uploaded!.Id; // the content was checked above
            }

            record = new ProposalRecord(id, account.Id, kam, input.Title!.Trim(), input.Message?.Trim() is { Length: > 0 } m ? m : null, input.ContactIds!,
                input.Value!.Value, input.Currency!, input.DiscountPercent ?? 0m, input.ValidUntil!.Value, documentId!, hash, clock.GetUtcNow());
            if (!await proposals.TryAddAsync(record, ct))
            {
                record = (await proposals.FindAsync(account.Id, id, ct))!; // a concurrent twin added it first
            }
        }

        if (record.RequestHash != hash)
        {
            return new SubmissionResult.KeyReused();
        }

        var terms = new ProposalTerms(account.Id, record.ContactIds, record.Value, record.Currency, record.DiscountPercent, record.ValidUntil, record.DocumentId);
        var needsAuthority = registry.Latest(ProposalFollowUpDefinition.DefinitionName) is ProposalFollowUpDefinition { GatesDiscount: true };
        var authority = needsAuthority ? await authorities.ForAsync(kam, account, ct) : null;
        var customer = new PartyCalendar(account.Country, account.Region, null, account.TimeZone);
        var outcome = await engine.StartAsync(new StartRequest(
            ProposalFollowUpDefinition.DefinitionName,
            $"{kam}|{idempotencyKey}",
            new ProposalCommand.Submit(terms, options.Value.Timings(), authority),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ProposalFollowUpDefinition.Kam] = [kam],
                [ProposalFollowUpDefinition.Customer] = [.. record.ContactIds.Select(c => ProposalFollowUpDefinition.CustomerMember(account.Id, c))],
            },
            new Dictionary<string, PartyCalendar>
            {
                [ProposalFollowUpDefinition.Kam] = await authorities.CalendarOfAsync(kam, customer, ct),
                [ProposalFollowUpDefinition.Customer] = customer,
            },
            AccountId: account.Id),
            ProcessesApi.SenderOf(principal), ct);
        if (!outcome.Created && await instances.LoadAsync(id, ct) is { } twin)
        {
            return await SameSubmissionAsync(twin.Instance, id, hash, ct);
        }

        return new SubmissionResult.Accepted(id, outcome.Created);
    }

    private async Task<SubmissionResult> SameSubmissionAsync(ProcessInstance instance, string id, string hash, CancellationToken ct) =>
        instance.AccountId is { } accountId && await proposals.FindAsync(accountId, id, ct) is { } record && record.RequestHash == hash
            ? new SubmissionResult.Accepted(id, Created: false)
            : new SubmissionResult.KeyReused();

    private async Task CheckContactsAsync(string accountId, IReadOnlyList<string> ids, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var contactId in ids)
        {
            var contact = (await contacts.FindAsync(accountId, contactId, ct))?.Value;
            if (contact is not { Erased: false, Active: true })
            {
                problems.Add($"{contactId} is not an active contact of the account.");
            }
            else if (!IsEmail(contact.Email))
            {
                problems.Add($"{contactId} has no valid email address.");
            }
            else if (contact.EmailBouncedAt is { } bounced)
            {
                problems.Add($"{contactId}: email to this address bounced on {bounced:yyyy-MM-dd}; correct the address first.");
            }
        }

        if (problems.Count > 0)
        {
            errors["contactIds"] = [.. problems];
        }
    }

    private byte[]? CheckUpload(ProposalPdfInput upload, Dictionary<string, string[]> errors)
    {
        var max = options.Value.MaxPdfBytes;
        if (upload.ContentBase64!.Length > (max + 2) / 3 * 4 + 4)
        {
            errors["pdf.contentBase64"] = [$"The PDF is larger than {max} bytes."];
            return null;
        }

        var buffer = new byte[upload.ContentBase64.Length];
        if (!Convert.TryFromBase64String(upload.ContentBase64, buffer, out var length))
        {
            errors["pdf.contentBase64"] = ["Not base64."];
            return null;
        }

        var bytes = buffer.AsSpan(0, length);
        if (length == 0 || length > max)
        {
            errors["pdf.contentBase64"] = [$"The PDF has 1 to {max} bytes."];
            return null;
        }

        if (!DocumentTypes.Matches("application/pdf", bytes[..Math.Min(length, DocumentTypes.HeadLength)]))
        {
            errors["pdf.contentBase64"] = ["This is not a PDF (it does not start with %PDF-)."];
            return null;
        }

        return bytes.ToArray();
    }

    private static bool IsEmail(string? address) =>
        address is { Length: > 0 } && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address.Trim();

    /// <summary>The same submission hashes the same, whatever the JSON's spacing or order.</summary>
    private static string HashOf(ProposalInput input) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, HashJson)));

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
