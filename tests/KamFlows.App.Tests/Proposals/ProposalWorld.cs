using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// What a proposal test needs, made through the API: a business unit with its people, an account of
/// KAM A in São Paulo with a contact, a PDF in its dossier; and the ways to submit, read, drive the
/// clock and find the emails and tasks.
/// </summary>
internal sealed partial class ProposalWorld(KamFlowsApp app, AccountWorld people, Account account, Contact contact, string documentId)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AccountWorld People => people;

    public Account Account => account;

    public Contact Contact => contact;

    public string DocumentId => documentId;

    public User Kam => people.KamA;

    public HttpClient KamClient => people.As(people.KamA);

    public static async Task<ProposalWorld> CreateAsync(KamFlowsApp app, string contactEmail = "ana.souza@customer.test", string contactName = "Ana Souza")
    {
        var people = await AccountWorld.CreateAsync(app);
        var account = await people.AccountOfAsync(people.KamA);
        var kam = people.As(people.KamA);
        var contact = await app.ReadAsync<Contact>(await kam.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts", new
        {
            name = contactName,
            jobTitle = "Head of Procurement",
            email = contactEmail,
            language = "pt-BR",
            role = "DecisionMaker",
            influence = 5,
            attitude = "Supporter",
        }, Ct));
        using var pdf = new ByteArrayContent("%PDF-1.7\nproposal\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var document = await app.ReadAsync<JsonElement>(await kam.PostAsync($"/api/accounts/{account.Id}/documents?name=proposal.pdf", pdf, Ct));
        return new ProposalWorld(app, people, account, contact, document.GetProperty("id").GetString()!);
    }

    public Dictionary<string, object?> Body(string title = "Oncology supply 2026", string validUntil = "2026-04-30", decimal discount = 3m, string? message = null) => new()
    {
        ["accountId"] = account.Id,
        ["contactIds"] = new[] { contact.Id },
        ["title"] = title,
        ["value"] = 120000.50m,
        ["currency"] = "BRL",
        ["discountPercent"] = discount,
        ["validUntil"] = validUntil,
        ["documentId"] = documentId,
        ["message"] = message,
    };

    public async Task<HttpResponseMessage> PostAsync(object body, string? key = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await (client ?? KamClient).SendAsync(request, Ct);
    }

    /// <summary>Submits and returns the proposal's id (from its Location).</summary>
    public async Task<string> SubmitAsync(object? body = null, string? key = null)
    {
        var response = await PostAsync(body ?? Body(), key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return response.Headers.Location!.OriginalString["/api/proposals/".Length..];
    }

    public async Task<JsonElement> ProposalAsync(string id) =>
        (await app.ReadAsync<JsonElement>(await KamClient.GetAsync($"/api/proposals/{id}", Ct))).GetProperty("proposal");

    public async Task<string> StatusAsync(string id) => (await ProposalAsync(id)).GetProperty("status").GetString()!;

    public async Task<ProcessInstance> InstanceAsync(string id) => (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(id, Ct))!.Instance;

    public async Task<DateTimeOffset?> WakeUpAsync(string id, string name) => (await InstanceAsync(id)).WakeUps.SingleOrDefault(w => w.Name == name)?.DueAt;

    /// <summary>The KAM's open tasks of a kind, earliest first (all windows).</summary>
    public async Task<IReadOnlyList<WorkTask>> TasksAsync(string kind, User? of = null)
    {
        var client = of is null ? KamClient : people.As(of);
        var all = new List<WorkTask>();
        foreach (var when in new[] { "Overdue", "Today", "Upcoming" })
        {
            all.AddRange((await app.ReadAsync<PagedList<TaskView>>(await client.GetAsync($"/api/me/tasks?when={when}&pageSize=500", Ct))).Items.Select(v => v.Task));
        }

        return [.. all.Where(t => t.Kind == kind && t.AccountId == account.Id).OrderBy(t => t.DueAt)];
    }

    /// <summary>Emails to the contact whose subject contains <paramref name="subject"/>, newest first.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> MailsToAsync(string address, string subject) =>
        [.. (await app.Services.GetRequiredService<DevelopmentMailbox>().ListAsync(1000, Ct))
            .Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.Ordinal))];

    /// <summary>The receipt link of an email, as a path.</summary>
    public async Task<string> LinkOfAsync(MailboxMessage message)
    {
        var body = (await app.Services.GetRequiredService<DevelopmentMailbox>().BodyAsync(message.Id, Ct))!.Value;
        return new Uri(WebUtility.HtmlDecode(LinkHref().Match(body.Html).Groups["href"].Value)).PathAndQuery;
    }

    [GeneratedRegex("href=\"(?<href>[^\"]*/app/links/[^\"]+)\"")]
    private static partial Regex LinkHref();
}
