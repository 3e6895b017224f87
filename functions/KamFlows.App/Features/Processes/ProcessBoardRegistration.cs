using KamFlows.App.Features.Processes;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace Microsoft.Extensions.Hosting;

internal static class ProcessBoardRegistration
{
    /// <summary>The processes board page, listed for those who oversee every process.</summary>
    public static IHostApplicationBuilder AddKamFlowsProcessBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProcessBoard>();
        builder.Services.AddPageLink(new PageLink(ProcessBoardPages.Path, "nav.processes", "nav.processes.text", Policies.ProcessOverseers, 30));
        return builder;
    }
}
