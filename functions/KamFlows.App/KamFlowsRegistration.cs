using KamFlows.App;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Calendar;
using KamFlows.Domain.Calendar;
using KamFlows.App.Features.Health;
using KamFlows.App.Features.Operations;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Processes.EngineCheck;
using KamFlows.App.Features.Users;
using KamFlows.App.Engine;
using KamFlows.App.Hosting;
using KamFlows.App.Http;
using KamFlows.App.Links;
using KamFlows.App.Problems;
using KamFlows.App.Storage;
using KamFlows.App.Work;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Everything the app registers, one extension per area, so Program.cs reads as a table of contents.</summary>
internal static class KamFlowsRegistration
{
    public static IHostApplicationBuilder AddKamFlows(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DevelopmentClock>();
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DevelopmentClock>());
            builder.Services.AddHostedService<DevelopmentClockLoader>();
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();

        builder.AddKamFlowsHosting()
            .AddKamFlowsStorage()
            .AddKamFlowsWork()
            .AddKamFlowsEngine()
            .AddKamFlowsOperations()
            .AddKamFlowsHttp()
            .AddKamFlowsSecurity()
            .AddKamFlowsPages()
            .AddKamFlowsAccounts()
            .AddKamFlowsTasks()
            .AddKamFlowsApprovals()
            .AddKamFlowsEmail()
            .AddKamFlowsPlans()
            .AddKamFlowsTenders()
            .AddKamFlowsProposals()
            .AddKamFlowsContracts()
            .AddKamFlowsVisits()
            .AddKamFlowsPortfolio()
            .AddKamFlowsReviews()
            .AddKamFlowsPipeline()
            .AddKamFlowsImports()
            .AddKamFlowsReceivables()
            .AddKamFlowsProcessBoard()
            .AddKamFlowsMyDay()
            .AddKamFlowsCalendarFeeds()
            .AddKamFlowsTelemetry();

        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<UserReferences>();
        builder.Services.AddSingleton<BusinessUnitCatalog>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddOptions<CompanyCalendarSettings>().BindConfiguration("Calendar").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CompanyCalendarSettings>, CompanyCalendarSettingsValidator>();
        builder.Services.AddSingleton<BusinessCalendars>();
        return builder;
    }

    private static IHostApplicationBuilder AddKamFlowsHosting(this IHostApplicationBuilder builder)
    {
        var host = FunctionsHost.From(builder.Configuration);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(sp => FunctionManifest.Load(AppContext.BaseDirectory, sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<TriggerFunctions>();
        builder.Services.AddOptions<LocalTriggerOptions>().BindConfiguration(LocalTriggerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!host.IsPresent && builder.Configuration.GetValue(LocalTriggerOptions.Section + ":Enabled", true))
        {
            builder.Services.AddHostedService<LocalTriggerHost>();
        }

        return builder;
    }

    private static IHostApplicationBuilder AddKamFlowsStorage(this IHostApplicationBuilder builder)
    {
        // Checked here as well as at start: every part of start-up needs storage, so a wrong storage
        // setting is reported before anything can fail on it in a less telling way.
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (new StorageOptionsValidator().Validate(null, storage) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), invalid.Failures);
        }

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<StorageClients>();
        // Before anything else starts: the local loops and the first request need the tables and queues.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageProvisioning>());
        return builder;
    }

    private static IHostApplicationBuilder AddKamFlowsEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailedLinkOptions>().BindConfiguration(EmailedLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailedLinkOptions>, EmailedLinkOptionsValidation>();
        builder.Services.AddSingleton<LinkKey>();
        builder.Services.AddSingleton<LinkTokens>();
        builder.Services.AddSingleton<LinkStore>();
        builder.Services.AddSingleton<FreshLinks>();
        builder.Services.AddSingleton<LinkAccess>();
        builder.Services.AddSingleton<ILinkPage, KamFlows.App.Features.Approvals.ApprovalLinkPage>();
        builder.Services.AddSingleton<IEffectHandler, KamFlows.App.Features.Approvals.ApprovalEmailHandler>();
        builder.Services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ProcessRegistry>();
        builder.Services.AddOptions<CrashInjectionOptions>().BindConfiguration(CrashInjectionOptions.Section);
        builder.Services.AddSingleton<CrashInjection>();
        builder.Services.AddSingleton<StateCodec>();
        builder.Services.AddSingleton<InstanceStore>();
        builder.Services.AddSingleton<ProcessIndex>();
        builder.Services.AddSingleton<EffectRunner>();
        builder.Services.AddSingleton<WakeTimes>();
        builder.Services.AddSingleton<ProcessEngine>();
        builder.Services.AddSingleton<NamedCommands>();
        builder.Services.AddSingleton<IEffectHandler, StartChildHandler>();
        builder.Services.AddSingleton<IEffectHandler, NotifyParentHandler>();
        builder.Services.AddSingleton<IEffectHandler, TerminateChildHandler>();
        builder.Services.AddSingleton<IEffectHandler, IndexHandler>();
        builder.Services.AddSingleton<IWorkItemHandler, ProcessWorkHandler>();
        builder.Services.AddSingleton<IWorkItemHandler, StateBlobTidy>();
        builder.Services.AddSingleton<ReassignedAccountProcesses>();
        builder.Services.AddSingleton<IAccountReassignmentListener>(sp => sp.GetRequiredService<ReassignedAccountProcesses>());
        builder.Services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<ReassignedAccountProcesses>());
        return builder;
    }

    /// <summary>The operator's tools: the engine check (a process of its own, its effect and its queue path).</summary>
    private static IHostApplicationBuilder AddKamFlowsOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IProcessDefinition, EngineCheckDefinition>();
        builder.Services.AddSingleton<IProcessDefinition, KamFlows.Domain.Approvals.ApprovalRequestDefinition>();
        builder.Services.AddSingleton<EngineCheckPerformances>();
        builder.Services.AddSingleton<IEffectHandler, EngineCheckPongHandler>();
        builder.Services.AddSingleton<IWorkItemHandler, EngineCheckPingWork>();
        return builder;
    }

    private static IHostApplicationBuilder AddKamFlowsWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PoisonStore>();
        builder.Services.AddSingleton<WorkQueue>();
        builder.Services.AddSingleton<DueTimers>();
        builder.Services.AddSingleton<IQueueFunction, WorkQueueFunction>();
        builder.Services.AddSingleton<ITimerFunction, DueTimerSweepFunction>();
        return builder;
    }
}
