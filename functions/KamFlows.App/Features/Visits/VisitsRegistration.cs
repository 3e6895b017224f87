using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Visits;
using KamFlows.App.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class VisitsRegistration
{
    /// <summary>The KAM's week of visits and calls: cadences, planning (and its nightly timer), reading the week (also on My day), moving and recording.</summary>
    public static IHostApplicationBuilder AddKamFlowsVisits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VisitsOptions>().BindConfiguration(VisitsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VisitsOptions>, VisitsOptionsValidator>();
        builder.Services.AddSingleton<VisitStore>();
        builder.Services.AddSingleton<WeekPlanning>();
        builder.Services.AddSingleton<WeekReading>();
        builder.Services.AddSingleton<VisitDesk>();
        builder.Services.AddSingleton<IMyDaySection, MyDayVisits>();
        builder.Services.AddSingleton<ITimerFunction, WeeklyVisitPlanFunction>();
        builder.Services.AddSingleton<IWorkTaskCompletionListener, VisitTaskCompletion>();
        return builder;
    }
}
