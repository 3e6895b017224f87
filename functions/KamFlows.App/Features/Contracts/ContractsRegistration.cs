using KamFlows.App.Engine;
using KamFlows.App.Features.Contracts;
using KamFlows.Domain.Contracts;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class ContractsRegistration
{
    /// <summary>Contracts of accounts and their renewal process (the decider, its renewed-contract effect, the timings).</summary>
    public static IHostApplicationBuilder AddKamFlowsContracts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContractsOptions>().BindConfiguration(ContractsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContractsOptions>, ContractsOptionsValidator>();
        builder.Services.AddSingleton<IProcessDefinition, ContractRenewalDefinition>();
        builder.Services.AddSingleton<ContractStore>();
        builder.Services.AddSingleton<ContractRenewals>();
        builder.Services.AddSingleton<IEffectHandler, RenewContractHandler>();
        return builder;
    }
}
