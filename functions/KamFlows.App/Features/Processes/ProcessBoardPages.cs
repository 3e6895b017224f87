using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.App.Work;
using KamFlows.Domain.Organisation;
using Microsoft.AspNetCore.WebUtilities;

namespace KamFlows.App.Features.Processes;

/// <summary>
/// The processes board page (<see cref="ProcessBoard"/>) for those who oversee every process, and the
/// administrators' levers on it: perform a failing effect now, send a poison message again. Both are
/// POSTs with antiforgery through the same application code as the API's
/// (<see cref="ProcessEngine.RetryEffectAsync"/>, <see cref="PoisonStore.ReplayAsync"/>), then back to
/// the board as it was filtered, with a notice.
/// </summary>
public static class ProcessBoardPages
{
    public const string Path = "/app/processes";

    public static IEndpointRouteBuilder MapProcessBoardPages(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages, Policies.ProcessOverseers);
        board.MapGet("", Show).WithName("ProcessBoardPage");
        board.MapPost("/{id}/effects/{effectId}/retry", Retry).RequireAuthorization(Policies.Admin).WithName("ProcessBoardRetryEffect");
        board.MapPost("/poison/{itemId}/{messageId}/replay", Replay).RequireAuthorization(Policies.Admin).WithName("ProcessBoardReplayPoison");
        return app;
    }

    /// <summary>The board's address with a filter (and a notice of what was just done).</summary>
    public static string PathOf(BoardFilter filter, string? notice = null)
    {
        var query = new Dictionary<string, string?>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query[key] = value;
            }
        }

        Add("process", filter.Definition);
        Add("kam", filter.KamUserId);
        Add("account", filter.AccountId);
        Add("page", filter.Page);
        Add("notice", notice);
        return QueryHelpers.AddQueryString(Path, query);
    }

    public static string RetryPath(string processId, string effectId) =>
        $"{Path}/{Uri.EscapeDataString(processId)}/effects/{Uri.EscapeDataString(effectId)}/retry";

    public static string ReplayPath(PoisonMessage message) =>
        $"{Path}/poison/{Uri.EscapeDataString(message.ItemId)}/{Uri.EscapeDataString(message.Id)}/replay";

    private static async Task<RazorComponentResult> Show(
        string? process, string? kam, string? account, string? page, string? notice, ClaimsPrincipal principal,
        ProcessBoard board, PageViewers viewers, CancellationToken ct)
    {
        var filter = new BoardFilter(Blank(process), Blank(kam), Blank(account), Blank(page));
        var view = await board.ReadAsync(filter, ct);
        return new RazorComponentResult(typeof(ProcessBoardPage), new Dictionary<string, object?>
        {
            [nameof(ProcessBoardPage.View)] = view,
            [nameof(ProcessBoardPage.Viewer)] = await viewers.ReadAsync(principal, ct),
            [nameof(ProcessBoardPage.Notice)] = notice is "retried" or "replayed" or "gone" ? notice : null,
            [nameof(ProcessBoardPage.MayAct)] = principal.Has(Role.Admin),
        });
    }

    private static async Task<RedirectHttpResult> Retry(string id, string effectId, HttpRequest request, ProcessEngine engine, CancellationToken ct)
    {
        var done = await engine.RetryEffectAsync(id, effectId, ct);
        return TypedResults.Redirect(Back(await request.ReadFormAsync(ct), done ? "retried" : "gone"));
    }

    private static async Task<RedirectHttpResult> Replay(string itemId, string messageId, HttpRequest request, PoisonStore poison, CancellationToken ct)
    {
        var done = await poison.ReplayAsync(itemId, messageId, ct);
        return TypedResults.Redirect(Back(await request.ReadFormAsync(ct), done ? "replayed" : "gone"));
    }

    /// <summary>Back to the board as the form's page showed it; never anywhere else.</summary>
    private static string Back(IFormCollection form, string notice)
    {
        var filter = new BoardFilter(Blank(form["process"]), Blank(form["kam"]), Blank(form["account"]), null);
        return PathOf(filter, notice);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
