using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;

namespace KamFlows.App.Features.Tasks;

/// <summary>Tasks: my list (overdue, today, upcoming on my clock), completing one with an outcome, handing one over.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/me/tasks", Mine).WithName("ListMyTasks").WithTags("Tasks")
            .WithSummary("My open tasks, earliest due first, a page at a time; 'when' keeps the overdue, today's or upcoming ones (on my clock).");
        var tasks = app.MapGroup("api/tasks").WithTags("Tasks");
        tasks.MapGet("{id}", Get).WithName("GetTask").WithSummary("One task (its assignee, the head of KAM of the assignee's unit, administrators).");
        tasks.MapPost("{id}/complete", Complete).WithName("CompleteTask")
            .WithSummary("The assignee completes a task with one of its outcomes; the process that created it is told. Repeating it answers the same.");
        tasks.MapPost("{id}/reassign", Reassign).WithName("ReassignTask")
            .WithSummary("Hands an open task to another active user (its assignee, the head of KAM of the assignee's unit, administrators).");
        return app;
    }

    public sealed record CompleteTaskInput([property: Required, StringLength(64, MinimumLength = 1)] string? Outcome);

    public sealed record ReassignTaskInput([property: Required, StringLength(64, MinimumLength = 1)] string? AssigneeUserId);

    private static async Task<Ok<PagedList<TaskView>>> Mine(
        ClaimsPrincipal principal, UserDirectory users, TaskStore store, TimeProvider clock,
        TaskWindow? when, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var me = principal.KamFlowsUserId();
        if (me is null)
        {
            return TypedResults.Ok(new PagedList<TaskView>([], null)); // a bootstrap administrator without a user record has no tasks
        }

        var zone = TaskWindows.ZoneOr((await users.FindAsync(me, ct))?.Value.TimeZone);
        var now = clock.GetUtcNow();
        var (from, to) = when is { } w ? TaskWindows.Range(w, now, zone) : (null, null);
        var page = await store.ListOpenAsync(me, from, to, continuationToken, Paging.Size(pageSize), ct);
        return TypedResults.Ok(new PagedList<TaskView>(page.Items.Select(t => TaskView.Of(t, now)).ToList(), page.ContinuationToken));
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> Get(
        string id, ClaimsPrincipal principal, TaskStore store, TaskAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } found || !await access.MayManageAsync(principal, found.Value, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(TaskView.Of(found.Value, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<TaskView>, NotFound, ValidationProblem, ProblemHttpResult>> Complete(
        string id, CompleteTaskInput input, ClaimsPrincipal principal, TaskStore store, TaskAccess access, TaskLifecycle tasks,
        TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } found || !await access.MayManageAsync(principal, found.Value, ct))
        {
            return TypedResults.NotFound();
        }

        var (result, task) = await tasks.CompleteAsync(id, input.Outcome!, principal.KamFlowsUserId() ?? "", ct);
        return result switch
        {
            TaskChange.Changed => TypedResults.Ok(TaskView.Of(task!, clock.GetUtcNow())),
            TaskChange.NotFound => TypedResults.NotFound(),
            TaskChange.NotYours => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task",
                detail: "Only the person a task is assigned to completes it. Hand it over first if someone else should."),
            TaskChange.UnknownOutcome => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["outcome"] = [$"This task's outcomes are: {string.Join(", ", task!.Outcomes)}."],
            }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Completed already",
                detail: $"The task was completed already, with the outcome '{task?.Outcome}'."),
        };
    }

    private static async Task<Results<Ok<TaskView>, NotFound, ValidationProblem, ProblemHttpResult>> Reassign(
        string id, ReassignTaskInput input, ClaimsPrincipal principal, TaskStore store, TaskAccess access, TaskLifecycle tasks,
        UserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } found || !await access.MayManageAsync(principal, found.Value, ct))
        {
            return TypedResults.NotFound();
        }

        if ((await users.FindAsync(input.AssigneeUserId!, ct))?.Value is not { Active: true } to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["assigneeUserId"] = [$"There is no active user '{input.AssigneeUserId}'."],
            });
        }

        var (result, task) = await tasks.ReassignAsync(id, to, ct);
        return result switch
        {
            TaskChange.Changed => TypedResults.Ok(TaskView.Of(task!, clock.GetUtcNow())),
            TaskChange.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Completed already",
                detail: "A completed task stays with the person who completed it."),
        };
    }
}
