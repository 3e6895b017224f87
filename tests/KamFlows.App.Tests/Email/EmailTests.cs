using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Email;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Email;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Email;

/// <summary>Email written by a process, sent by the real SendGrid SDK, and checked as the v3 mail/send JSON SendGrid would receive.</summary>
public sealed class EmailTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Part(JsonElement mail, string type) =>
        mail.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;

    private async Task<(AccountWorld World, string AccountId, string AccountName)> AccountAsync()
    {
        var world = await AccountWorld.CreateAsync(app);
        var body = world.AccountBody(world.KamA, "Hospital <b>Alpha</b> & Filhos");
        var account = await app.ReadAsync<Features.Accounts.Account>(await world.As(world.KamA).PostAsJsonAsync("/api/accounts", body, Ct));
        return (world, account.Id, account.Name);
    }

    private async Task<Contact> ContactAsync(AccountWorld world, string accountId, string name, string email, string? language)
    {
        var response = await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{accountId}/contacts", new { name, email, language, role = "DecisionMaker", influence = 3, attitude = "Neutral" }, Ct);
        return await app.ReadAsync<Contact>(response);
    }

    private async Task<DossierDocument> DocumentAsync(AccountWorld world, string accountId, string name, byte[] content)
    {
        using var upload = new ByteArrayContent(content);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await app.ReadAsync<DossierDocument>(await world.As(world.KamA).PostAsync($"/api/accounts/{accountId}/documents?name={name}", upload, Ct));
    }

    [Fact]
    public async Task A_contact_named_script_gets_an_escaped_email_in_their_language_with_small_documents_attached_and_large_ones_linked()
    {
        var (world, accountId, accountName) = await AccountAsync();
        var hostile = await ContactAsync(world, accountId, "<script>alert('x')</script>", "hostile@customer.test", "pt-BR");
        var english = await ContactAsync(world, accountId, "Jane O'Neil", "jane@customer.test", "en");
        var small = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 1, 2, 3 };
        var smallDocument = await DocumentAsync(world, accountId, "proposal.pdf", small);
        var largeDocument = await DocumentAsync(world, accountId, "tender-file.pdf", [.. "%PDF-1.7"u8, .. new byte[MailApp.AttachmentLimit]]);

        var toHostile = await app.StartErrandAsync(new Errand.Write(new SendEmail("documents", EmailRecipient.Contact(accountId, hostile.Id), NotificationCategory.Message,
            AccountId: accountId, DocumentIds: [smallDocument.Id, largeDocument.Id], BounceEvent: "bounced")));
        await app.StartErrandAsync(new Errand.Write(new SendEmail("documents", EmailRecipient.Contact(accountId, english.Id), NotificationCategory.Message,
            AccountId: accountId, DocumentIds: [smallDocument.Id])));

        var request = Assert.Single(app.Capture.Requests, r => r.Body.ValueKind == JsonValueKind.Object
            && r.Body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() == "hostile@customer.test");
        Assert.Equal(("POST", "/v3/mail/send", "Bearer " + MailApp.ApiKey), (request.Method, request.Path, request.Authorization));
        var mail = request.Body;
        var to = mail.GetProperty("personalizations")[0].GetProperty("to")[0];
        Assert.Equal("<script>alert('x')</script>", to.GetProperty("name").GetString()); // a JSON string, not markup
        Assert.Equal("kamflows@company.test", mail.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal($"Documentos: {accountName}", mail.GetProperty("subject").GetString());
        var html = Part(mail, "text/html");
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Alpha</b>", html, StringComparison.Ordinal);
        Assert.Contains("Olá, &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;,", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Documentos: Hospital &lt;b&gt;Alpha&lt;/b&gt; &amp; Filhos</title>", html, StringComparison.Ordinal);
        Assert.Contains("proposal.pdf (anexo)", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"http[^\"]+tender-file[^\"]+sig=[^\"]+\">tender-file.pdf</a> \\(baixe até 2026-03-08 ", html);
        var text = Part(mail, "text/plain");
        Assert.StartsWith("Olá, <script>alert('x')</script>,", text, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("proposal.pdf", "application/pdf", Convert.ToBase64String(small)),
            (attachment.GetProperty("filename").GetString(), attachment.GetProperty("type").GetString(), attachment.GetProperty("content").GetString()));
        var tags = mail.GetProperty("custom_args");
        Assert.Equal($"{toHostile}.1.0", tags.GetProperty(EmailTags.Key).GetString());
        Assert.Equal(toHostile, tags.GetProperty(EmailTags.Process).GetString());
        Assert.Equal($"contact:{accountId}:{hostile.Id}", tags.GetProperty(EmailTags.Recipient).GetString());
        Assert.Equal("bounced", tags.GetProperty(EmailTags.BounceEvent).GetString());

        var inEnglish = Assert.Single(app.Capture.MailTo("jane@customer.test"));
        Assert.Equal($"Documents: {accountName}", inEnglish.GetProperty("subject").GetString());
        Assert.Contains("<p>Hello Jane O&#x27;Neil,</p>", Part(inEnglish, "text/html"), StringComparison.Ordinal);
        Assert.Contains("proposal.pdf (attached)", Part(inEnglish, "text/plain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_effect_performed_again_is_not_sent_again()
    {
        var (world, accountId, _) = await AccountAsync();
        var contact = await ContactAsync(world, accountId, "Ana Souza", $"ana-{Guid.NewGuid():N}@customer.test", null);
        var email = new SendEmail("documents", EmailRecipient.Contact(accountId, contact.Id), NotificationCategory.Message, AccountId: accountId);
        var postman = app.Services.GetRequiredService<Postman>();

        await postman.SendAsync(email, "effect-42", null, Ct);
        await postman.SendAsync(email, "effect-42", null, Ct);

        var sent = Assert.Single(app.Capture.MailTo(contact.Email!));
        Assert.Contains("Olá, Ana Souza", Part(sent, "text/plain"), StringComparison.Ordinal); // no language: the account's country (BR)
    }

    [Fact]
    public async Task A_contact_without_an_address_is_not_written_to_and_the_process_hears_so()
    {
        var (world, accountId, _) = await AccountAsync();
        var contact = await ContactAsync(world, accountId, "No Mail", null!, "en");

        var processId = await app.StartErrandAsync(new Errand.Write(new SendEmail("documents", EmailRecipient.Contact(accountId, contact.Id), NotificationCategory.Message,
            AccountId: accountId, BounceEvent: "bounced")));

        Assert.Contains($"email {processId}.1.0 no-address", await app.HeardAsync(processId));
        Assert.DoesNotContain(app.Capture.Requests, r => r.Body.ToString().Contains(contact.Id, StringComparison.Ordinal));
    }
}
