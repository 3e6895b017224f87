using System.Text.RegularExpressions;
using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Approvals;

/// <summary>Starting approval requests the way a parent does, and reading their emails from the development mailbox.</summary>
internal static partial class ApprovalScenario
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record People(User Director, User Alternate, User Kam);

    public static async Task<People> PeopleAsync(TasksApp app, string timeZone = "America/Sao_Paulo", string language = "pt-BR") => new(
        await app.UserAsync("director", timeZone, language, role: "Director"),
        await app.UserAsync("alternate", timeZone, language, role: "Director"),
        await app.UserAsync("kam", timeZone, language));

    /// <summary>Starts a request of <paramref name="people"/>'s KAM to their director, with the given calendar; returns its id.</summary>
    public static async Task<string> StartAsync(TasksApp app, People people, string title, PartyCalendar? calendar = null)
    {
        var where = calendar ?? new PartyCalendar("BR", "SP", null, "America/Sao_Paulo");
        var started = await app.Engine.StartAsync(new StartRequest(
            ApprovalRequestDefinition.DefinitionName, Guid.NewGuid().ToString("N"),
            new ApprovalCommand.Request(new ApprovalSummary(title, "Growth goals"),
                [new ApprovalSection("objectives", "Objectives", new SectionDiff("2 M", "2.4 M"))], people.Kam.Id),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ApprovalRequestDefinition.Approver] = [people.Director.Id],
                [ApprovalRequestDefinition.Alternate] = [people.Alternate.Id],
                [ApprovalRequestDefinition.Requester] = [people.Kam.Id],
            },
            new Dictionary<string, PartyCalendar> { [ApprovalRequestDefinition.Approver] = where, [ApprovalRequestDefinition.Alternate] = where }),
            Sender.System, Ct);
        return started.InstanceId;
    }

    public static string Title(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The emails sent to <paramref name="to"/> whose subject contains <paramref name="subject"/>, newest first.</summary>
    public static async Task<IReadOnlyList<MailboxMessage>> MailsAsync(TasksApp app, User to, string subject)
    {
        var mailbox = app.Services.GetRequiredService<DevelopmentMailbox>();
        return [.. (await mailbox.ListAsync(1000, Ct))
            .Where(m => string.Equals(m.To, to.Email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.Ordinal))
            .OrderByDescending(m => m.SentAt)];
    }

    /// <summary>The path of the link in an email.</summary>
    public static async Task<string> LinkOfAsync(TasksApp app, MailboxMessage message)
    {
        var body = (await app.Services.GetRequiredService<DevelopmentMailbox>().BodyAsync(message.Id, Ct))!.Value;
        return new Uri(LinkHref().Match(body.Html).Groups["href"].Value).PathAndQuery;
    }

    public static async Task<ProcessInstance> InstanceAsync(TasksApp app, string id) =>
        (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(id, Ct))!.Instance;

    public static async Task<IReadOnlyList<string>> DelegatesAsync(TasksApp app, string id) =>
        (await InstanceAsync(app, id)).Parties.TryGetValue(ApprovalRequestDefinition.Delegates, out var d) ? d : [];

    [GeneratedRegex("href=\"(?<href>[^\"]*/app/links/[^\"]+)\"")]
    private static partial Regex LinkHref();
}
