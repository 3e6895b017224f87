using KamFlows.App.Links;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Approvals;
using KamFlows.App.Features.Approvals.Delegations;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Calendar;
using KamFlows.App.Engine;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Contracts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Health;
using KamFlows.App.Features.Operations;
using KamFlows.App.Features.Pipeline;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Processes;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Features.Proposals;
using KamFlows.App.Features.Receivables;
using KamFlows.App.Features.SalesHistory;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Tenders;
using KamFlows.App.Features.Users;
using KamFlows.App.Features.Visits;
using KamFlows.App.Hosting;
using KamFlows.App.Pages;
using KamFlows.App.Problems;
using KamFlows.App.Security;
using Scalar.AspNetCore;

// Content root is the executable's folder, not the current directory: the Functions host starts us
// from its own working directory, and host.json, function.json and appsettings.json lie beside us.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (FunctionsHost.From(builder.Configuration) is { Port: { } port })
{
    // The Functions host polls GET / on this port and forwards HTTP and triggers to it.
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
}

builder.AddKamFlows();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseKamFlowsPages();
app.UseRouting();
app.UseMiddleware<RequestBodyLimit>();
app.UseAuthentication();
app.UseAuthorization();
app.UseKamFlowsAntiforgery();

app.MapHealthApi();
app.MapUsersApi();
app.MapBusinessUnitsApi();
app.MapCalendarApi();
app.MapProcessesApi();
app.MapPoisonApi();
app.MapEngineChecksApi();
app.MapAccountsApi();
app.MapContactsApi();
app.MapDossiersApi();
app.MapPages();
app.MapLinkPages();
app.MapTasksApi();
app.MapDelegationsApi();
app.MapMyApprovalsApi();
app.MapNotificationPreferencesApi();
app.MapEmailEventsApi();
app.MapPlansApi();
app.MapProposalsApi();
app.MapStageApi();
app.MapTendersApi();
app.MapContractsApi();
app.MapVisitsApi();
app.MapPortfolioApi();
app.MapReviewsApi();
app.MapQuarterPages();
app.MapImportsApi();
app.MapReceivablesApi();
app.MapSalesHistoryApi();
app.MapProcessBoardPages();
app.MapPortfolioPages();
app.MapPipelinePages();
app.MapTenderCalendarPages();
app.MapMyDayPages();
app.MapTaskPages();
app.MapCalendarFeedApi();
app.MapCalendarFeedPages();

if (app.Services.GetRequiredService<FunctionsHost>().IsPresent)
{
    app.MapTriggerEndpoints();
}

if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentSignIn();
    app.MapDevelopmentSignInPage();
    app.MapDevelopmentClock();
    app.MapDevelopmentCrashInjection();
    app.MapDevelopmentMailbox();
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}

app.Run();

/// <summary>The entry point, public so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
