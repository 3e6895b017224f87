using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KamFlows.App.Security;
using KamFlows.Domain.Email;

namespace KamFlows.App.Features.Email;

/// <summary>My notification preference: reminders at once or in a digest at 08:00 my time (escalations and approval requests always come at once).</summary>
public static class NotificationPreferencesApi
{
    public static IEndpointRouteBuilder MapNotificationPreferencesApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("api/me/notification-preferences").WithTags("Email");
        me.MapGet("", Get).WithName("GetMyNotificationPreferences").WithSummary("How I get reminders: Immediate or DailyDigest (08:00 my time).");
        me.MapPut("", Put).WithName("SetMyNotificationPreferences")
            .WithSummary("Chooses how I get reminders. Escalations and approval requests always come at once.");
        return app;
    }

    public sealed record NotificationPreferencesView(ReminderDelivery Reminders);

    public sealed record NotificationPreferencesInput([property: Required] ReminderDelivery? Reminders);

    private static async Task<Results<Ok<NotificationPreferencesView>, ProblemHttpResult>> Get(ClaimsPrincipal principal, NotificationPreferences preferences, CancellationToken ct) =>
        principal.KamFlowsUserId() is { } me
            ? TypedResults.Ok(new NotificationPreferencesView(await preferences.RemindersAsync(me, ct)))
            : NoUserRecord();

    private static async Task<Results<Ok<NotificationPreferencesView>, ProblemHttpResult>> Put(
        NotificationPreferencesInput input, ClaimsPrincipal principal, NotificationPreferences preferences, CancellationToken ct)
    {
        if (principal.KamFlowsUserId() is not { } me)
        {
            return NoUserRecord();
        }

        await preferences.SetRemindersAsync(me, input.Reminders!.Value, ct);
        return TypedResults.Ok(new NotificationPreferencesView(input.Reminders.Value));
    }

    private static ProblemHttpResult NoUserRecord() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No user record",
        detail: "Notification preferences belong to a user; a bootstrap administrator has none until an administrator creates it.");
}
