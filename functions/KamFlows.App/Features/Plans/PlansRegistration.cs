using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Work;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class PlansRegistration
{
    /// <summary>Account plans, their versions and task requests (delivered as tasks), and relationship-stage moves.</summary>
    public static IHostApplicationBuilder AddKamFlowsPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlansOptions>().BindConfiguration(PlansOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PlansOptions>, PlansOptionsValidator>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<PlanTaskOutbox>();
        builder.Services.AddSingleton<PlanTaskDelivery>();
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<PlanTaskDelivery>());
        builder.Services.AddSingleton<IWorkTaskCompletionListener, PlanActionCompletion>();
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<StageMoves>();
        builder.Services.AddSingleton<IAccountReassignmentListener, PlanReassignment>();
        return builder;
    }
}
