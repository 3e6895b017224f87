using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.SalesHistory;
using KamFlows.App.Work;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class ImportsRegistration
{
    /// <summary>ERP imports (sources, uploads, the queue-driven run) and the sales history they feed.</summary>
    public static IHostApplicationBuilder AddKamFlowsImports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ErpImportOptions>().BindConfiguration(ErpImportOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ErpImportOptions>, ErpImportOptionsValidator>();
        builder.Services.AddSingleton<ImportStore>();
        builder.Services.AddSingleton<ImportFiles>();
        builder.Services.AddSingleton<SalesHistoryProjection>();
        builder.Services.AddSingleton<IImportKindRules, SalesImportRules>();
        builder.Services.AddSingleton<ImportRun>();
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<ImportRun>());
        return builder;
    }
}
