using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace Microsoft.Extensions.Hosting;

internal static class MyDayRegistration
{
    /// <summary>The My day page, listed for every member. Its sections are registered by their features (IMyDaySection).</summary>
    public static IHostApplicationBuilder AddKamFlowsMyDay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPageLink(new PageLink(MyDayPages.Path, "nav.myDay", "nav.myDay.text", Policies.Pages, 10));
        return builder;
    }
}
