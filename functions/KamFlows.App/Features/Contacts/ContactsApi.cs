using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.Contacts;

/// <summary>
/// The decision-making group of an account, its soft personal data and the personal-data rights
/// (erasure, export). Who may do what is <see cref="AccountAccess"/>'s to say.
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("api/accounts/{id}/contacts").WithTags("Contacts");
        contacts.MapGet("", List).WithName("ListContacts").WithSummary("Lists the contacts of an account, a page at a time.");
        contacts.MapPost("", Create).WithName("CreateContact").WithSummary("Adds a contact to an account.");
        contacts.MapGet("{contactId}", Get).WithName("GetContact").WithSummary("Reads one contact, with its ETag.");
        contacts.MapPut("{contactId}", Update).WithName("UpdateContact").WithSummary("Changes a contact (If-Match required).");
        contacts.MapGet("{contactId}/soft-data", GetSoftData).WithName("GetContactSoftData")
            .WithSummary("Reads a contact's soft personal data (the account team only; every read is audited).");
        contacts.MapPut("{contactId}/soft-data", PutSoftData).WithName("PutContactSoftData")
            .WithSummary("Writes a contact's soft personal data (the account team only; If-Match once it exists).");
        contacts.MapPost("{contactId}/erase", Erase).RequireAuthorization(Policies.Admin).WithName("EraseContact")
            .WithSummary("Erases a contact's personal data everywhere; what must stay shows \"[erased]\".");
        contacts.MapGet("{contactId}/export", Export).WithName("ExportContact")
            .WithSummary("Everything held on one contact, as JSON (the account team or an administrator; audited).");
        return app;
    }

    private static async Task<Results<Ok<PagedList<Contact>>, NotFound>> List(
        string id, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, string? continuationToken, int? pageSize, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(await contacts.ListAsync(grant.Id, continuationToken, Paging.Size(pageSize), ct))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Contact>, NotFound>> Get(
        string id, string contactId, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, found.ETag);
        return TypedResults.Ok(found.Value);
    }

    private static async Task<Results<Created<Contact>, NotFound, ForbidHttpResult>> Create(
        string id, ContactInput input, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var contact = input.ToContact(Guid.NewGuid().ToString("N"), grant.Id);
        Preconditions.SetETag(response, await contacts.CreateAsync(contact, ct));
        return TypedResults.Created($"/api/accounts/{grant.Id}/contacts/{contact.Id}", contact);
    }

    private static async Task<Results<Ok<Contact>, NotFound, ForbidHttpResult, ProblemHttpResult>> Update(
        string id, string contactId, ContactInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, ContactStore contacts, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is not { } current)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        if (current.Value.Erased)
        {
            return ErasedContact();
        }

        var changed = input.ToContact(contactId, grant.Id).KeepingBounceOf(current.Value);
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await contacts.UpdateAsync(changed, ifMatch, ct));
            return TypedResults.Ok(changed);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    private static async Task<Results<Ok<SoftPersonalData>, NotFound, ForbidHttpResult>> GetSoftData(
        string id, string contactId, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, PersonalDataVault vault,
        HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanReadPersonalData)
        {
            return TypedResults.Forbid();
        }

        if (await vault.ReadAsync(grant.Id, contactId, principal, PersonalDataAction.Read, ct) is not { } data)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, data.ETag);
        return TypedResults.Ok(data.Value);
    }

    private static async Task<Results<Ok<SoftPersonalData>, NotFound, ForbidHttpResult, ProblemHttpResult>> PutSoftData(
        string id, string contactId, SoftPersonalDataInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access,
        ContactStore contacts, PersonalDataVault vault, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is not { } contact)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanReadPersonalData)
        {
            return TypedResults.Forbid();
        }

        if (contact.Value.Erased)
        {
            return ErasedContact();
        }

        var data = input.ToData();
        try
        {
            // Without If-Match only a first write succeeds: a second one would overwrite unseen data.
            var etag = await vault.WriteAsync(grant.Id, contactId, data, Preconditions.TryGetIfMatch(request, out var ifMatch) ? ifMatch : null, principal, ct);
            Preconditions.SetETag(request.HttpContext.Response, etag);
            return TypedResults.Ok(data);
        }
        catch (ConcurrencyConflictException)
        {
            return request.Headers.IfMatch.Count == 0 ? Preconditions.IfMatchRequired() : Preconditions.Stale();
        }
    }

    private static async Task<Results<NoContent, NotFound>> Erase(
        string id, string contactId, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, ContactErasure erasure, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is not { } contact)
        {
            return TypedResults.NotFound();
        }

        await erasure.EraseAsync(grant.Id, contact.Value, principal, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ContactExport>, NotFound, ForbidHttpResult>> Export(
        string id, string contactId, ClaimsPrincipal principal, AccountAccess access, ContactStore contacts, SubjectAccess subjectAccess, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contacts.FindAsync(grant.Id, contactId, ct) is not { } contact)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanExportPersonalData)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await subjectAccess.ExportAsync(grant.Id, contact.Value, principal, ct));
    }

    private static ProblemHttpResult ErasedContact() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Contact erased",
        detail: "This contact's personal data was erased on request; add the person again only with a new lawful basis.");
}
