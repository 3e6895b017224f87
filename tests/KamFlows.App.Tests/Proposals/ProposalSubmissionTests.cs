using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// Submitting a proposal over HTTP on real Azurite: the 202 with its Location, idempotency by the
/// Idempotency-Key, what is refused, the email with its receipt link (whose page changes nothing and
/// whose POST confirms), and the outcomes. The clock stands still here (Monday 2 March 2026, 09:00
/// in São Paulo); the timing scenarios have classes of their own.
/// </summary>
public sealed class ProposalSubmissionTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submission_answers_202_with_its_location_and_emails_the_contact_from_the_kam_with_the_pdf_and_a_receipt_link()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Oncology " + Guid.NewGuid().ToString("N")[..6];

        var response = await world.PostAsync(world.Body(title, message: "As agreed on the phone."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = response.Headers.Location!.OriginalString["/api/proposals/".Length..];
        Assert.Equal("awaiting-receipt", (await app.ReadAsync<JsonElement>(response)).GetProperty("status").GetString());
        var mail = Assert.Single(await world.MailsToAsync(world.Contact.Email!, title));
        Assert.Contains("proposal.pdf", Assert.Single(mail.Attachments), StringComparison.Ordinal);
        Assert.Equal(world.Kam.Email, mail.ReplyTo);
        Assert.Contains(world.Kam.DisplayName, mail.FromName, StringComparison.Ordinal);
        Assert.StartsWith($"/app/links/{id}/", await world.LinkOfAsync(mail), StringComparison.Ordinal);
        var proposal = await world.ProposalAsync(id);
        Assert.Equal(title, proposal.GetProperty("title").GetString());
        Assert.Contains(proposal.GetProperty("next").EnumerateArray(), n => n.GetProperty("what").GetString() == "receipt-call");
    }

    [Fact]
    public async Task Confirmation_by_the_link_confirms_receipt_and_cancels_the_call()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Confirm " + Guid.NewGuid().ToString("N")[..6];
        var id = await world.SubmitAsync(world.Body(title));
        var link = await world.LinkOfAsync(Assert.Single(await world.MailsToAsync(world.Contact.Email!, title)));
        var customer = new PageBrowser(app);

        var page = await customer.GetPageAsync(link);
        Assert.Contains(title, page, StringComparison.Ordinal);
        var posted = await customer.PostFormAsync(link, [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page))]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("receipt-confirmed", await world.StatusAsync(id));
        var followUp = (await world.ProposalAsync(id)).GetProperty("followUp");
        Assert.Equal("Link", followUp.GetProperty("receiptConfirmedBy").GetString());
        Assert.Null(await world.WakeUpAsync(id, "receipt-call"));
        Assert.Contains("class=\"used\"", await customer.GetPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_gets_of_the_link_change_nothing()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Scanned " + Guid.NewGuid().ToString("N")[..6];
        var id = await world.SubmitAsync(world.Body(title));
        var link = await world.LinkOfAsync(Assert.Single(await world.MailsToAsync(world.Contact.Email!, title)));
        var before = await world.InstanceAsync(id);
        var history = await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(id, Ct);

        for (var i = 0; i < 10; i++)
        {
            var response = await new PageBrowser(app).GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await world.InstanceAsync(id);
        Assert.Equal((before.Sequence, before.Step, before.StateJson), (after.Sequence, after.Step, after.StateJson));
        Assert.Equal(history.Count, (await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(id, Ct)).Count);
        Assert.Equal("awaiting-receipt", await world.StatusAsync(id));
        Assert.NotNull(await world.WakeUpAsync(id, "receipt-call"));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_proposal_and_sends_one_email()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Twice " + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();

        var first = await world.PostAsync(world.Body(title), key);
        var second = await world.PostAsync(world.Body(title), key);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await world.MailsToAsync(world.Contact.Email!, title));
        var mine = await app.ReadAsync<JsonElement>(await world.KamClient.GetAsync($"/api/proposals?accountId={world.Account.Id}", Ct));
        Assert.Single(mine.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_422_and_changes_nothing()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Key " + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();
        var id = await world.SubmitAsync(world.Body(title), key);

        var other = await world.PostAsync(world.Body(title, discount: 4m), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3m, (await world.ProposalAsync(id)).GetProperty("discountPercent").GetDecimal());
        Assert.Single(await world.MailsToAsync(world.Contact.Email!, title));
    }

    [Fact]
    public async Task What_cannot_be_followed_up_is_refused_with_a_problem_and_starts_nothing()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var othersAccount = await world.People.AccountOfAsync(world.People.KamB);
        var cases = new (string Field, Dictionary<string, object?> Body)[]
        {
            ("accountId", Change(world.Body(), "accountId", othersAccount.Id)),
            ("contactIds", Change(world.Body(), "contactIds", new[] { "no-such-contact" })),
            ("validUntil", Change(world.Body(), "validUntil", "2026-03-02")),
            ("documentId", Change(world.Body(), "documentId", "no-such-document")),
            ("pdf.contentBase64", Change(Change(world.Body(), "documentId", null), "pdf", new { fileName = "x.pdf", contentBase64 = Convert.ToBase64String("not a pdf"u8.ToArray()) })),
        };

        foreach (var (field, body) in cases)
        {
            var response = await world.PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }

        using var noKey = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(world.Body()) };
        Assert.Equal(HttpStatusCode.BadRequest, (await world.KamClient.SendAsync(noKey, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.PostAsync(world.Body(), client: world.People.As(world.People.Head))).StatusCode);
        var listed = await app.ReadAsync<JsonElement>(await world.KamClient.GetAsync($"/api/proposals?accountId={world.Account.Id}", Ct));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_uploaded_pdf_goes_to_the_dossier_and_with_the_email()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var title = "Upload " + Guid.NewGuid().ToString("N")[..6];
        var body = Change(world.Body(title), "documentId", null);
        body["pdf"] = new { fileName = "offer-2026.pdf", contentBase64 = Convert.ToBase64String("%PDF-1.7\nthe offer\n"u8.ToArray()) };

        var id = await world.SubmitAsync(body);

        var documentId = (await world.ProposalAsync(id)).GetProperty("documentId").GetString();
        Assert.NotEqual(world.DocumentId, documentId);
        Assert.Equal(HttpStatusCode.OK, (await world.KamClient.GetAsync($"/api/accounts/{world.Account.Id}/documents/{documentId}", Ct)).StatusCode);
        Assert.Contains("offer-2026.pdf", Assert.Single(Assert.Single(await world.MailsToAsync(world.Contact.Email!, title)).Attachments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_win_gives_the_delivery_call_feedback_and_recommendation_tasks_at_their_dates()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var id = await world.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, (await world.KamClient.PostAsync($"/api/proposals/{id}/call", null, Ct)).StatusCode);

        var won = await world.KamClient.PostAsJsonAsync($"/api/proposals/{id}/outcome", new { outcome = "Won" }, Ct);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal("won", await world.StatusAsync(id));
        // Won on Monday 2 March: +7 Monday 9 March, +30 Wednesday 1 April, +60 Friday 1 May is Labour Day: Thursday 30 April; 09:00 in São Paulo.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), Assert.Single(await world.TasksAsync("proposal-delivery-call")).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero), Assert.Single(await world.TasksAsync("proposal-feedback")).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 12, 0, 0, TimeSpan.Zero), Assert.Single(await world.TasksAsync("proposal-recommendation")).DueAt);
        Assert.Equal(HttpStatusCode.Conflict, (await world.KamClient.PostAsJsonAsync($"/api/proposals/{id}/outcome", new { outcome = "Withdrawn" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_loss_needs_its_reason_and_gives_a_loss_review_and_other_kams_may_not_record_it()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var id = await world.SubmitAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await world.KamClient.PostAsJsonAsync($"/api/proposals/{id}/outcome", new { outcome = "Lost" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.People.As(world.People.KamB).PostAsJsonAsync($"/api/proposals/{id}/outcome", new { outcome = "Lost", reason = "Price" }, Ct)).StatusCode);
        var lost = await world.KamClient.PostAsJsonAsync($"/api/proposals/{id}/outcome", new { outcome = "Lost", reason = "Competitor" }, Ct);

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Equal(("lost", "Competitor"), (await world.StatusAsync(id), (await world.ProposalAsync(id)).GetProperty("followUp").GetProperty("lossReason").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), Assert.Single(await world.TasksAsync("proposal-loss-review")).DueAt);
    }

    [Fact]
    public async Task A_kam_lists_their_own_proposals_and_a_head_of_kam_everyones_by_status_and_validity()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var april = await world.SubmitAsync(world.Body(validUntil: "2026-04-30"));
        var june = await world.SubmitAsync(world.Body(validUntil: "2026-06-30"));
        await world.KamClient.PostAsync($"/api/proposals/{june}/cancel", null, Ct);

        async Task<List<string>> IdsAsync(HttpClient client, string query) =>
            [.. (await app.ReadAsync<JsonElement>(await client.GetAsync($"/api/proposals?accountId={world.Account.Id}&{query}", Ct)))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];

        var both = new[] { april, june }.Order().ToList();
        Assert.Equal(both, (await IdsAsync(world.KamClient, "")).Order());
        Assert.Equal([april], await IdsAsync(world.KamClient, "status=awaiting-receipt"));
        Assert.Equal([june], await IdsAsync(world.KamClient, "status=cancelled"));
        Assert.Equal([june], await IdsAsync(world.KamClient, "validFrom=2026-05-01"));
        Assert.Equal([april], await IdsAsync(world.KamClient, "validTo=2026-05-01"));
        Assert.Empty(await IdsAsync(world.People.As(world.People.KamB), ""));
        Assert.Equal(both, (await IdsAsync(world.People.As(world.People.Head), "")).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await world.People.As(world.People.KamB).GetAsync($"/api/proposals/{april}", Ct)).StatusCode);
        Assert.Contains((await app.ReadAsync<JsonElement>(await world.KamClient.GetAsync($"/api/proposals/{june}", Ct))).GetProperty("history").EnumerateArray(),
            h => h.GetProperty("what").GetString()!.Contains("Cancelled", StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Change(Dictionary<string, object?> body, string field, object? value)
    {
        body[field] = value;
        return body;
    }
}
