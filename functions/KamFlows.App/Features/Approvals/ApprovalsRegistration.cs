using KamFlows.App.Engine;
using KamFlows.App.Features.Approvals;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Approvals.Delegations;
using KamFlows.App.Work;

namespace Microsoft.Extensions.Hosting;

internal static class ApprovalsRegistration
{
    /// <summary>Approvals beyond the link page: delegations (routing new requests, re-routing pending ones, their wake-ups), my approvals and their My day section.</summary>
    public static IHostApplicationBuilder AddKamFlowsApprovals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DelegationStore>();
        builder.Services.AddSingleton<IStartRouting, ApprovalStartRouting>();
        builder.Services.AddSingleton<DelegationRerouting>();
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<DelegationRerouting>());
        builder.Services.AddSingleton<MyApprovals>();
        builder.Services.AddSingleton<IMyDaySection, MyDayApprovals>();
        return builder;
    }
}
