using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Receivables;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Receivables;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class ReceivablesRegistration
{
    /// <summary>Receivables imports, the open documents they leave, and the follow-up of each overdue one.</summary>
    public static IHostApplicationBuilder AddKamFlowsReceivables(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReceivablesOptions>().BindConfiguration(ReceivablesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReceivablesOptions>, ReceivablesOptionsValidator>();
        builder.Services.AddSingleton<IProcessDefinition, ReceivableFollowUpDefinition>();
        builder.Services.AddSingleton<ReceivablesStore>();
        builder.Services.AddSingleton<ReceivableFollowUps>();
        builder.Services.AddSingleton<ReceivablesProjection>();
        builder.Services.AddSingleton<ReceivablesReading>();
        builder.Services.AddSingleton<IMyDaySection, MyDayReceivables>();
        builder.Services.AddSingleton<IImportKindRules, ReceivablesImportRules>();
        return builder;
    }
}
