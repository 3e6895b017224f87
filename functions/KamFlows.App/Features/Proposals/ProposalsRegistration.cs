using KamFlows.App.Engine;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Pipeline;
using KamFlows.App.Features.Proposals;
using KamFlows.App.Links;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class ProposalsRegistration
{
    /// <summary>Proposals: the follow-up definition, its email and link page, the submission and reading, and erasure of the free text.</summary>
    public static IHostApplicationBuilder AddKamFlowsProposals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProposalsOptions>().BindConfiguration(ProposalsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProposalsOptions>, ProposalsOptionsValidator>();
        // Every version stays registered while instances may run on it: a proposal keeps the version it started on.
        builder.Services.AddSingleton<IProcessDefinition>(new ProposalFollowUpDefinition(1));
        // Version 2: a discount above the KAM's limit waits for the director's approval before sending. New proposals start on it.
        builder.Services.AddSingleton<IProcessDefinition>(new ProposalFollowUpDefinition(2));
        builder.Services.AddSingleton<ProposalStore>();
        builder.Services.AddSingleton<DiscountAuthorities>();
        builder.Services.AddSingleton<ProposalSubmission>();
        builder.Services.AddSingleton<ProposalReading>();
        builder.Services.AddSingleton<IMyDaySection, MyDayProposals>();
        builder.Services.AddSingleton<IPipelineSource, ProposalPipeline>();
        builder.Services.AddSingleton<ProposalCommands>();
        builder.Services.AddSingleton<IEffectHandler, ProposalEmailHandler>();
        builder.Services.AddSingleton<ILinkPage, ProposalLinkPage>();
        builder.Services.AddSingleton<IContactDataHolder, ProposalErasure>();
        return builder;
    }
}
