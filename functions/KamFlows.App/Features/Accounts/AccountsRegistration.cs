using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class AccountsRegistration
{
    /// <summary>Key accounts, their contacts and dossiers.</summary>
    public static IHostApplicationBuilder AddKamFlowsAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TeamIndex>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<AccountAccess>();
        builder.Services.AddSingleton<AccountStaffing>();
        builder.Services.AddSingleton<ContactStore>();
        builder.Services.AddSingleton<PersonalDataAudit>();
        builder.Services.AddSingleton<PersonalDataVault>();
        builder.Services.AddSingleton<ContactErasure>();
        builder.Services.AddSingleton<SubjectAccess>();
        builder.Services.AddSingleton<DossierLog>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<DocumentLinks>();
        builder.Services.AddOptions<DossierOptions>().BindConfiguration(DossierOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DossierOptions>, DossierOptionsValidator>();
        return builder;
    }
}
