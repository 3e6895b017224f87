using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Features.Users;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.Domain.Processes;
using Microsoft.AspNetCore.Authentication;

namespace KamFlows.App.Links;

/// <summary>
/// Every emailed link: <c>GET /app/links/{instance}/{token}</c> shows a page and changes nothing
/// (mail scanners open links, some run scripts); the decision is a POST from that page, with
/// antiforgery, applied with the link marked used in one transaction. A link sent to a user needs
/// that user (or the party's delegate) signed in, so a forwarded email approves nothing; a link sent
/// to a customer contact works on the token alone.
/// </summary>
public static class LinkPages
{
    public const string Prefix = "/app/links";

    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder app)
    {
        // Open to anyone holding a link, but read the page cookie if there is one (a director signed in).
        var links = app.MapGroup(Prefix).AsPages()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PageCookie.Scheme).RequireAssertion(_ => true));
        links.MapGet("/{instanceId}/{token}", Show).WithName("LinkPage");
        links.MapPost("/{instanceId}/{token}", Post).WithName("LinkDecision");
        links.MapPost("/{instanceId}/{token}/fresh", Fresh).WithName("FreshLink");
        return app;
    }

    public static string PathOf(string instanceId, string token) => $"{Prefix}/{Uri.EscapeDataString(instanceId)}/{token}";

    private static async Task<IResult> Show(string instanceId, string token, HttpContext context, LinkAccess access, CancellationToken ct)
    {
        var (refusal, model, page) = await access.OpenAsync(instanceId, token, context, ct);
        return refusal ?? await page!.ShowAsync(model!, ct);
    }

    private static async Task<IResult> Post(
        string instanceId, string token, HttpContext context, LinkAccess access, ProcessEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var (refusal, model, page) = await access.OpenAsync(instanceId, token, context, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await context.Request.ReadFormAsync(ct);
        object command;
        switch (page!.Read(model!, form))
        {
            case LinkForm.Invalid invalid:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await page.ShowAsync(model! with { Errors = invalid.Errors }, ct);
            case LinkForm.Command read:
                command = read.Value;
                break;
            default:
                throw new InvalidOperationException($"{page.GetType().Name} read a form as neither a command nor errors.");
        }

        var link = model!.Link;
        var sender = link.RecipientKind == RecipientKind.Contact ? Sender.LinkHolder(link.Recipient) : ProcessesApi.SenderOf(context.User);
        var outcome = await engine.SendAsync(instanceId, LinkStore.InputId(link), new EngineInput.Command(command), sender,
            new SendOptions(AlsoWrite: [LinkStore.MarkUsed(link, sender.UserId ?? link.Recipient, clock.GetUtcNow())]), ct);
        return outcome == SendOutcome.NotAllowed
            ? LinkAccess.StatusPage(LinkPageStatus.NotForYou, StatusCodes.Status403Forbidden)
            : TypedResults.Redirect(PathOf(instanceId, token)); // applied, duplicate or stale: the link now shows who used it and when
    }

    private static async Task<IResult> Fresh(string instanceId, string token, HttpContext context, LinkStore links, FreshLinks fresh, CancellationToken ct)
    {
        var lookup = await links.FindAsync(instanceId, token, ct);
        if (lookup.Status is not (LinkStatus.Expired or LinkStatus.Revoked) || lookup.Link is not { } link)
        {
            return TypedResults.Redirect(PathOf(instanceId, token));
        }

        var sent = await fresh.SendAsync(link, ct);
        return LinkAccess.StatusPage(lookup.Status == LinkStatus.Expired ? LinkPageStatus.Expired : LinkPageStatus.Revoked,
            sent ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests,
            message: sent ? "link.fresh.sent" : "link.fresh.tooMany");
    }
}

/// <summary>What a link page can say besides showing the process's own page.</summary>
public enum LinkPageStatus
{
    Unknown,
    Expired,
    Revoked,
    Used,
    Closed,
    NotForYou,
}

/// <summary>Checks a link before its page shows: the token, the process, and who opens it.</summary>
public sealed class LinkAccess(LinkStore links, InstanceStore instances, UserDirectory users, IEnumerable<ILinkPage> pages)
{
    private readonly Dictionary<string, ILinkPage> _pages = pages.ToDictionary(p => p.Definition, StringComparer.Ordinal);

    public async Task<(IResult? Refusal, LinkPageModel? Model, ILinkPage? Page)> OpenAsync(
        string instanceId, string token, HttpContext context, CancellationToken ct)
    {
        var lookup = await links.FindAsync(instanceId, token, ct);
        var fresh = $"{LinkPages.PathOf(instanceId, token)}/fresh";
        switch (lookup.Status)
        {
            case LinkStatus.Unknown:
                return (StatusPage(LinkPageStatus.Unknown, StatusCodes.Status404NotFound), null, null);
            case LinkStatus.Expired:
                return (StatusPage(LinkPageStatus.Expired, StatusCodes.Status410Gone, freshPath: fresh), null, null);
            case LinkStatus.Revoked:
                return (StatusPage(LinkPageStatus.Revoked, StatusCodes.Status410Gone, freshPath: fresh), null, null);
            case LinkStatus.Used:
                var link = lookup.Link!;
                var by = link.UsedBy == context.User.KamFlowsUserId() || link.RecipientKind == RecipientKind.Contact ? null
                    : link.UsedBy is { } id ? (await users.FindAsync(id, ct))?.Value.DisplayName : null;
                return (StatusPage(LinkPageStatus.Used, StatusCodes.Status200OK, usedBy: by, usedAt: link.UsedAt), null, null);
        }

        var live = lookup.Link!;
        if (await instances.LoadAsync(instanceId, ct) is not { Instance: { IsRunning: true } instance } || !_pages.TryGetValue(instance.Definition, out var page))
        {
            // Ended: perhaps by this very link, used a moment ago (a double click): then say that.
            var again = await links.FindAsync(instanceId, token, ct);
            return again.Status == LinkStatus.Used
                ? await OpenAsync(instanceId, token, context, ct)
                : (StatusPage(LinkPageStatus.Closed, StatusCodes.Status410Gone), null, null);
        }

        if (live.RecipientKind == RecipientKind.User)
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return (TypedResults.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path }, [PageCookie.Scheme]), null, null);
            }

            if (!MayAct(context.User.KamFlowsUserId(), live, instance))
            {
                return (StatusPage(LinkPageStatus.NotForYou, StatusCodes.Status403Forbidden), null, null);
            }
        }

        return (null, new LinkPageModel(live, instance, LinkPages.PathOf(instanceId, token)), page);
    }

    /// <summary>The recipient, or whoever holds the link's party now (or is its delegate): a forwarded link opened by anyone else shows nothing.</summary>
    private static bool MayAct(string? userId, Link link, ProcessInstance instance) =>
        userId is not null && (userId == link.Recipient
            || new[] { link.Party, link.Party + ".delegates" }.Any(p => instance.Parties.TryGetValue(p, out var ids) && ids.Contains(userId, StringComparer.Ordinal)));

    public static IResult StatusPage(LinkPageStatus status, int code, string? freshPath = null, string? usedBy = null, DateTimeOffset? usedAt = null, string? message = null) =>
        new RazorComponentResult(typeof(LinkStatusPage), new Dictionary<string, object?>
        {
            [nameof(LinkStatusPage.Status)] = status,
            [nameof(LinkStatusPage.FreshPath)] = freshPath,
            [nameof(LinkStatusPage.UsedBy)] = usedBy,
            [nameof(LinkStatusPage.UsedAt)] = usedAt,
            [nameof(LinkStatusPage.Message)] = message,
        })
        { StatusCode = code };
}
