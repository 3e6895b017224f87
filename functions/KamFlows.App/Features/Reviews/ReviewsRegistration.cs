using KamFlows.App.Engine;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Hosting;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Reviews;

namespace Microsoft.Extensions.Hosting;

internal static class ReviewsRegistration
{
    /// <summary>The quarterly review: its process, the timer and fan-out that open it, its decision effect, submission and overview.</summary>
    public static IHostApplicationBuilder AddKamFlowsReviews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewsOptions>().BindConfiguration(ReviewsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IProcessDefinition, QuarterlyReviewDefinition>();
        builder.Services.AddSingleton<IEffectHandler, ReviewDecisionHandler>();
        builder.Services.AddSingleton<ReviewRoster>();
        builder.Services.AddSingleton<ProposedClasses>();
        builder.Services.AddSingleton<ReviewOpener>();
        builder.Services.AddSingleton<IWorkItemHandler, ReviewOpening>();
        builder.Services.AddSingleton<ReviewFanOut>();
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<ReviewFanOut>());
        builder.Services.AddSingleton<ITimerFunction, QuarterlyReviewTimerFunction>();
        builder.Services.AddSingleton<ReviewSubmission>();
        builder.Services.AddSingleton<QuarterOverview>();
        return builder;
    }
}
