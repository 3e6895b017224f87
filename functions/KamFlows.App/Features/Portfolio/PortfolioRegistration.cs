using KamFlows.App.Features.Portfolio;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class PortfolioRegistration
{
    /// <summary>The revenue store, Pareto classes, risk signals and account health.</summary>
    public static IHostApplicationBuilder AddKamFlowsPortfolio(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortfolioOptions>().BindConfiguration(PortfolioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PortfolioOptions>, PortfolioOptionsValidator>();
        builder.Services.AddSingleton<RevenueStore>();
        builder.Services.AddSingleton<ClassOverrides>();
        builder.Services.AddSingleton<ParetoReport>();
        builder.Services.AddSingleton<PortfolioRisks>();
        builder.Services.AddSingleton<AccountHealth>();
        builder.Services.AddSingleton<PortfolioOverview>();
        builder.Services.AddPageLink(new PageLink(PortfolioPages.Path, "nav.portfolio", "nav.portfolio.text", Policies.PortfolioReaders, 20));
        return builder;
    }
}
