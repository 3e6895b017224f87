using KamFlows.App.Engine;
using KamFlows.App.Links;
using KamFlows.App.Tests.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Links;

/// <summary>Emailed links on real Azurite: derived tokens, one live link per step and recipient, expiry, single use.</summary>
public sealed class LinkStoreTests(EngineApp app, Azurite azurite) : IClassFixture<EngineApp>
{
    private LinkStore Links => app.Services.GetRequiredService<LinkStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> StartAsync() =>
        app.StartAsync(Guid.NewGuid().ToString("N"), new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["director-1"] });

    private Task<IssuedLink> IssueAsync(string instanceId, string effectId) =>
        Links.IssueAsync(instanceId, effectId, "decide", "approver", "director-1", RecipientKind.User, Ct);

    [Fact]
    public async Task A_retried_email_effect_carries_the_same_link()
    {
        var id = await StartAsync();

        var first = await IssueAsync(id, $"{id}.2.0");
        var retried = await IssueAsync(id, $"{id}.2.0");

        Assert.Equal(first.Token, retried.Token);
        Assert.False(retried.Superseded);
        Assert.Equal(LinkStatus.Live, (await Links.FindAsync(id, first.Token, Ct)).Status);
        Assert.Matches("^/links/[^/]+/[A-Za-z0-9_-]{43}$", first.Path);
    }

    [Fact]
    public async Task A_reminder_link_revokes_the_earlier_one_for_the_same_step_and_recipient()
    {
        var id = await StartAsync();
        var request = await IssueAsync(id, $"{id}.2.0");

        var reminder = await IssueAsync(id, $"{id}.5.0");

        Assert.Equal(LinkStatus.Revoked, (await Links.FindAsync(id, request.Token, Ct)).Status);
        Assert.Equal(LinkStatus.Live, (await Links.FindAsync(id, reminder.Token, Ct)).Status);
        Assert.True((await IssueAsync(id, $"{id}.2.0")).Superseded); // the request's effect, retried late, knows its link is dead
    }

    [Fact]
    public async Task Tampered_foreign_and_malformed_tokens_are_unknown()
    {
        var id = await StartAsync();
        var other = await StartAsync();
        var link = await IssueAsync(id, $"{id}.2.0");
        var tampered = (link.Token[0] == 'A' ? "B" : "A") + link.Token[1..];

        Assert.Equal(LinkStatus.Unknown, (await Links.FindAsync(id, tampered, Ct)).Status);
        Assert.Equal(LinkStatus.Unknown, (await Links.FindAsync(other, link.Token, Ct)).Status);
        Assert.Equal(LinkStatus.Unknown, (await Links.FindAsync(id, "../../etc/passwd", Ct)).Status);
        Assert.Equal(LinkStatus.Unknown, (await Links.FindAsync(id, null, Ct)).Status);
    }

    [Fact]
    public async Task A_link_expires_after_its_lifetime()
    {
        var id = await StartAsync();
        var link = await IssueAsync(id, $"{id}.2.0");

        app.Clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal(LinkStatus.Expired, (await Links.FindAsync(id, link.Token, Ct)).Status);
    }

    [Fact]
    public async Task Fifty_concurrent_uses_of_one_link_record_exactly_one_decision()
    {
        var id = await StartAsync();
        var issued = await IssueAsync(id, $"{id}.2.0");
        var link = (await Links.FindAsync(id, issued.Token, Ct)).Link!;
        var director = Sender.Person("director-1", [Role.Director]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => app.Engine.SendAsync(
            id, LinkStore.InputId(link), new EngineInput.Command(new PingPong.Approve()), director,
            new SendOptions(AlsoWrite: [LinkStore.MarkUsed(link, "director-1", app.Clock.GetUtcNow())]), Ct)));

        Assert.Single(outcomes, o => o == SendOutcome.Applied);
        Assert.All(outcomes.Where(o => o != SendOutcome.Applied), o => Assert.Equal(SendOutcome.Duplicate, o));
        var used = await Links.FindAsync(id, issued.Token, Ct);
        Assert.Equal(LinkStatus.Used, used.Status);
        Assert.Equal("director-1", used.Link!.UsedBy);
        Assert.Single(await app.Store.HistoryAsync(id, Ct), h => h.What == nameof(PingPong.Approve));
    }

    [Fact]
    public async Task A_link_is_not_marked_used_when_its_decision_is_not_committed()
    {
        var id = await StartAsync();
        var issued = await IssueAsync(id, $"{id}.2.0");
        var link = (await Links.FindAsync(id, issued.Token, Ct)).Link!;

        // Not the approver: refused before anything is written.
        var outcome = await app.Engine.SendAsync(id, LinkStore.InputId(link), new EngineInput.Command(new PingPong.Approve()),
            Sender.Person("kam-9", [Role.Kam]), new SendOptions(AlsoWrite: [LinkStore.MarkUsed(link, "kam-9", app.Clock.GetUtcNow())]), Ct);

        Assert.Equal(SendOutcome.NotAllowed, outcome);
        Assert.Equal(LinkStatus.Live, (await Links.FindAsync(id, issued.Token, Ct)).Status);
    }

    [Fact]
    public async Task Fresh_links_are_rate_limited_per_old_link_and_hour()
    {
        var id = await StartAsync();
        var issued = await IssueAsync(id, $"{id}.2.0");
        var link = (await Links.FindAsync(id, issued.Token, Ct)).Link!;

        var allowed = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            allowed.Add(await Links.TryCountFreshRequestAsync(link, Ct));
        }

        Assert.Equal([true, true, true, false], allowed);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Links.TryCountFreshRequestAsync(link, Ct));
    }

    [Fact]
    public async Task The_development_link_key_is_kept_so_links_survive_a_restart()
    {
        await using var restarted = new EngineApp(azurite) { Prefix = app.Prefix };
        var effectId = "instance.7.0";

        var before = await app.Services.GetRequiredService<LinkTokens>().ForEffectAsync(effectId, Ct);
        var after = await restarted.Services.GetRequiredService<LinkTokens>().ForEffectAsync(effectId, Ct);

        Assert.Equal(before, after);
    }
}
