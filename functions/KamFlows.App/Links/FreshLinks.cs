using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Http;
using KamFlows.Domain.Email;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Links;

/// <summary>
/// Sends a fresh link for an expired or revoked one, only to the address on file for the person the
/// link was sent to (whoever asks), a few times an hour at most. The new link revokes the old.
/// </summary>
public sealed class FreshLinks(LinkStore links, InstanceStore instances, Postman postman, IOptions<AppOptions> app, TimeProvider clock)
{
    /// <summary>False when the allowance is spent; the link's page says so.</summary>
    public async Task<bool> SendAsync(Link old, CancellationToken ct)
    {
        if (!await links.TryCountFreshRequestAsync(old, ct))
        {
            return false;
        }

        // The key of this request: the same request never sends two emails, a new one gets a new link.
        var key = $"fresh|{old.Hash}|{clock.GetUtcNow().UtcTicks}";
        var issued = await links.IssueAsync(old.InstanceId, key, old.Step, old.Party, old.Recipient, old.RecipientKind, ct);
        var what = (await instances.LoadAsync(old.InstanceId, ct))?.Instance.Definition ?? "";
        var to = old.RecipientKind == RecipientKind.User ? EmailRecipient.User(old.Recipient) : ContactRecipient(old.Recipient);
        await postman.SendAsync(new SendEmail("fresh-link", to, NotificationCategory.Message, new Dictionary<string, string>
        {
            ["what"] = what,
            ["link"] = new Uri(app.Value.PublicBaseUrl!, LinkPages.PathOf(old.InstanceId, issued.Token)).ToString(),
        }), key, old.InstanceId, ct);
        return true;
    }

    private static EmailRecipient ContactRecipient(string recipient) =>
        EmailRecipient.FromContactKey(recipient) ?? throw new InvalidOperationException("A contact link's recipient is \"{account id}:{contact id}\" (EmailRecipient.ContactKey).");
}
