using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Work;

namespace Microsoft.Extensions.Hosting;

internal static class TasksRegistration
{
    /// <summary>Tasks: the CreateTask effect, the lifecycle (and its guard work), moving tasks with their account, My day's tasks, the calendar feed's tasks.</summary>
    public static IHostApplicationBuilder AddKamFlowsTasks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<TaskAccess>();
        builder.Services.AddSingleton<TaskLifecycle>();
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<TaskLifecycle>());
        builder.Services.AddSingleton<IEffectHandler, CreateTaskHandler>();
        builder.Services.AddSingleton<IEffectHandler, CloseTasksHandler>();
        builder.Services.AddSingleton<AccountTasksMover>();
        builder.Services.AddSingleton<IAccountReassignmentListener>(sp => sp.GetRequiredService<AccountTasksMover>());
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<AccountTasksMover>());
        builder.Services.AddSingleton<IMyDaySection, MyDayTasks>();
        builder.Services.AddSingleton<ICalendarFeedSource, TaskCalendarSource>();
        return builder;
    }
}
