using KamFlows.App.Engine;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Email;
using KamFlows.App.Work;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Microsoft.Extensions.Hosting;

internal static class EmailRegistration
{
    /// <summary>Email: the SendEmail effect, SendGrid (or the development mailbox), preferences and digests, the webhook's helpers.</summary>
    public static IHostApplicationBuilder AddKamFlowsEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        builder.Services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SendGridOptions>, SendGridOptionsValidator>();

        builder.Services.AddSingleton<DevelopmentMailbox>();
        builder.Services.AddSingleton<IContactDataHolder>(sp => sp.GetRequiredService<DevelopmentMailbox>());
        builder.Services.AddHttpClient(nameof(SendGridMailer));
        builder.Services.AddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var client = new SendGridClientOptions { ApiKey = options.ApiKey };
            if (!string.IsNullOrWhiteSpace(options.Host))
            {
                client.Host = options.Host;
            }

            return new SendGridClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridMailer)), client);
        });
        // The development mailbox only where it is allowed (Development) and nothing else is set: the options validator says so at start.
        builder.Services.AddSingleton<IMailer>(sp => sp.GetRequiredService<IOptions<SendGridOptions>>().Value.SendsForReal
            ? ActivatorUtilities.CreateInstance<SendGridMailer>(sp)
            : sp.GetRequiredService<DevelopmentMailbox>());

        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddSingleton<Recipients>();
        builder.Services.AddSingleton<SentEmails>();
        builder.Services.AddSingleton<NotificationPreferences>();
        builder.Services.AddSingleton<DigestInbox>();
        builder.Services.AddSingleton<EmailProblems>();
        builder.Services.AddSingleton<Postman>();
        builder.Services.AddSingleton<IEffectHandler, SendEmailHandler>();
        builder.Services.AddSingleton<IWorkItemHandler, DigestSender>();
        return builder;
    }
}
