using System.Security.Claims;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Completing a task from a page (My day): a POST with antiforgery and the chosen outcome, through the
/// same lifecycle as the API (<see cref="TaskLifecycle.CompleteAsync"/>: only the assignee, once, the
/// process told), then back to My day with what happened.
/// </summary>
public static class TaskPages
{
    public const string Path = "/app/tasks";

    public static IEndpointRouteBuilder MapTaskPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages);
        pages.MapPost("/{id}/complete", Complete).WithName("CompleteTaskPage");
        return app;
    }

    public static string CompletePath(string taskId) => $"{Path}/{Uri.EscapeDataString(taskId)}/complete";

    private static async Task<IResult> Complete(
        string id, HttpRequest request, ClaimsPrincipal principal, TaskStore store, TaskAccess access, TaskLifecycle tasks, CancellationToken ct)
    {
        var outcome = (await request.ReadFormAsync(ct))["outcome"].ToString();
        if (await store.FindAsync(id, ct) is not { } found || !await access.MayManageAsync(principal, found.Value, ct))
        {
            return TypedResults.NotFound();
        }

        var (result, _) = await tasks.CompleteAsync(id, outcome, principal.KamFlowsUserId() ?? "", ct);
        return result switch
        {
            TaskChange.Changed => TypedResults.Redirect(MyDayPages.PathOf("task-completed")),
            TaskChange.NotFound => TypedResults.NotFound(),
            TaskChange.NotYours => TypedResults.Forbid(authenticationSchemes: [PageCookie.Scheme]),
            TaskChange.UnknownOutcome => TypedResults.BadRequest(),
            _ => TypedResults.Redirect(MyDayPages.PathOf("task-completed-before")),
        };
    }
}
