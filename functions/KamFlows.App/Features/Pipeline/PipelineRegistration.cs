using KamFlows.App.Features.Pipeline;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class PipelineRegistration
{
    /// <summary>The pipeline and forecast page: the deals of every <see cref="IPipelineSource"/>, weighted by stage, against the plans' goals.</summary>
    public static IHostApplicationBuilder AddKamFlowsPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        builder.Services.AddSingleton<PlanRevenueGoals>();
        builder.Services.AddSingleton<PipelineReport>();
        builder.Services.AddPageLink(new PageLink(PipelinePages.Path, "nav.pipeline", "nav.pipeline.text", Policies.PortfolioReaders, 25));
        return builder;
    }
}
