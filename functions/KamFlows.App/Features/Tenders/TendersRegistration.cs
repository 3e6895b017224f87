using KamFlows.App.Features.Pipeline;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.App.Engine;
using KamFlows.App.Features.Tenders;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class TendersRegistration
{
    /// <summary>Tenders: the records, the TenderPreparation process (every version still running somewhere), its effects, the calendar and figures.</summary>
    public static IHostApplicationBuilder AddKamFlowsTenders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TendersOptions>().BindConfiguration(TendersOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TendersOptions>, TendersOptionsValidator>();
        builder.Services.AddSingleton<IProcessDefinition>(new TenderPreparationDefinition(1));
        builder.Services.AddSingleton<IProcessDefinition>(new TenderPreparationDefinition(2));
        builder.Services.AddSingleton<TenderStore>();
        builder.Services.AddSingleton<TenderDesk>();
        builder.Services.AddSingleton<TenderReports>();
        builder.Services.AddSingleton<IPipelineSource, TenderPipeline>();
        builder.Services.AddPageLink(new PageLink(TenderCalendarPages.Path, "nav.tenders", "nav.tenders.text", Policies.Pages, 27));
        builder.Services.AddSingleton<IEffectHandler, BuyingGroupCoverageHandler>();
        builder.Services.AddSingleton<IEffectHandler, WithdrawApprovalHandler>();
        return builder;
    }
}
