using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KamFlows.App.Features.Dossiers;

/// <summary>An account's dossier: the interaction log, competitor notes and documents. Access as the account's (<see cref="AccountAccess"/>).</summary>
public static class DossiersApi
{
    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var dossier = app.MapGroup("api/accounts/{id}").WithTags("Dossiers");
        dossier.MapGet("interactions", ListInteractions).WithName("ListInteractions").WithSummary("The interaction log of an account, newest first, a page at a time.");
        dossier.MapPost("interactions", AddInteraction).WithName("AddInteraction").WithSummary("Records a visit, call, email, meeting or complaint (complaints start open).");
        dossier.MapPost("interactions/{interactionId}/close", CloseComplaint).WithName("CloseComplaint").WithSummary("Closes an open complaint (If-Match required).");
        dossier.MapGet("competitor-notes", ListCompetitorNotes).WithName("ListCompetitorNotes").WithSummary("Competitor notes of an account, newest first.");
        dossier.MapPost("competitor-notes", AddCompetitorNote).WithName("AddCompetitorNote").WithSummary("Records a note about a competitor at this account.");

        var maxUpload = app.ServiceProvider.GetRequiredService<IOptions<DossierOptions>>().Value.MaxUploadBytes;
        dossier.MapGet("documents", ListDocuments).WithName("ListDocuments").WithSummary("The documents of an account's dossier.");
        dossier.MapPost("documents", Upload).WithMetadata(new UploadSizeLimit(maxUpload)).WithName("UploadDocument")
            .WithSummary($"Uploads a document: the raw body with its Content-Type ({string.Join(", ", DocumentTypes.Names)}); ?name=file name, optional ?contactId= when it is about one contact.");
        dossier.MapGet("documents/{documentId}", Download).WithName("DownloadDocument").WithSummary("Downloads a document, streamed.");
        dossier.MapGet("documents/{documentId}/link", Link).WithName("GetDocumentLink").WithSummary("A short-lived read-only link straight to the document.");
        return app;
    }

    private static async Task<Results<Ok<PagedList<InteractionView>>, NotFound>> ListInteractions(
        string id, ClaimsPrincipal principal, AccountAccess access, DossierLog log, ContactStore contacts, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var page = await log.InteractionsAsync(grant.Id, continuationToken, Paging.Size(pageSize), ct);
        var people = await contacts.AllAsync(grant.Id, ct);
        var views = page.Items.Select(i => new InteractionView(i, [.. i.ContactIds.Select(c => new ContactMention(c, people.TryGetValue(c, out var p) ? p.Name : Erased.Marker))])).ToList();
        return TypedResults.Ok(new PagedList<InteractionView>(views, page.ContinuationToken));
    }

    private static async Task<Results<Created<Interaction>, NotFound, ForbidHttpResult, ValidationProblem>> AddInteraction(
        string id, InteractionInput input, ClaimsPrincipal principal, AccountAccess access, DossierLog log, ContactStore contacts, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var people = await contacts.AllAsync(grant.Id, ct);
        var unknown = (input.ContactIds ?? []).Where(c => !people.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contactIds"] = [$"These are not contacts of the account: {string.Join(", ", unknown)}."] });
        }

        var added = await log.AddAsync(grant.Id, input, Who(principal), ct);
        // The ETag lets a complaint be closed without reading it again.
        Preconditions.SetETag(response, added.ETag);
        return TypedResults.Created($"/api/accounts/{grant.Id}/interactions/{added.Value.Id}", added.Value);
    }

    private static async Task<Results<Ok<Interaction>, NotFound, ForbidHttpResult, ProblemHttpResult>> CloseComplaint(
        string id, string interactionId, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, DossierLog log, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await access.FindAsync(principal, id, ct) is not { } grant || await log.FindAsync(grant.Id, interactionId, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        if (found.Value.Complaint is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a complaint", detail: "Only complaints are opened and closed.");
        }

        var closed = found.Value with { Complaint = ComplaintState.Closed };
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await log.ReplaceAsync(grant.Id, closed, ifMatch, ct));
            return TypedResults.Ok(closed);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    private static async Task<Results<Ok<PagedList<CompetitorNote>>, NotFound>> ListCompetitorNotes(
        string id, ClaimsPrincipal principal, AccountAccess access, DossierLog log, string? continuationToken, int? pageSize, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(await log.CompetitorNotesAsync(grant.Id, continuationToken, Paging.Size(pageSize), ct))
            : TypedResults.NotFound();

    private static async Task<Results<Created<CompetitorNote>, NotFound, ForbidHttpResult>> AddCompetitorNote(
        string id, CompetitorNoteInput input, ClaimsPrincipal principal, AccountAccess access, DossierLog log, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var note = await log.AddAsync(grant.Id, input, Who(principal), ct);
        return TypedResults.Created($"/api/accounts/{grant.Id}/competitor-notes/{note.Id}", note);
    }

    private static async Task<Results<Ok<PagedList<DossierDocument>>, NotFound>> ListDocuments(
        string id, ClaimsPrincipal principal, AccountAccess access, DocumentStore documents, string? continuationToken, int? pageSize, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(await documents.ListAsync(grant.Id, continuationToken, Paging.Size(pageSize), ct))
            : TypedResults.NotFound();

    private static async Task<Results<Created<DossierDocument>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Upload(
        string id, string? name, string? contactId, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, ContactStore contacts,
        DocumentStore documents, IOptions<DossierOptions> options, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value : null;
        if (!DocumentTypes.IsAllowed(contentType))
        {
            return UnsupportedType();
        }

        if (contactId is not null && await contacts.FindAsync(grant.Id, contactId, ct) is not { Value.Erased: false })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contactId"] = ["This is not a contact of the account."] });
        }

        var document = await documents.UploadAsync(grant.Id, name, contentType!.ToLowerInvariant(), request.Body, options.Value.MaxUploadBytes, contactId, Who(principal), ct);
        return document is null
            ? UnsupportedType("The content is not what its Content-Type says.")
            : TypedResults.Created($"/api/accounts/{grant.Id}/documents/{document.Id}", document);
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        string id, string documentId, ClaimsPrincipal principal, AccountAccess access, DocumentStore documents, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await documents.FindAsync(grant.Id, documentId, ct) is not { } document)
        {
            return TypedResults.NotFound();
        }

        // The stored type was checked at upload; the browser must not guess another one.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(await documents.OpenAsync(grant.Id, documentId, ct), document.ContentType, document.FileName);
    }

    private static async Task<Results<Ok<DocumentLink>, NotFound>> Link(
        string id, string documentId, ClaimsPrincipal principal, AccountAccess access, DocumentStore documents, DocumentLinks links, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await documents.FindAsync(grant.Id, documentId, ct) is not { } document)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await links.CreateAsync(documents, grant.Id, document, ct));
    }

    private static ProblemHttpResult UnsupportedType(string? why = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported document type",
        detail: $"{why} Send a {string.Join(", ", DocumentTypes.Names)} as the raw body with that Content-Type.".Trim());

    private static string Who(ClaimsPrincipal principal) => principal.KamFlowsUserId() ?? "bootstrap-admin";
}
