using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Accounts;

public sealed class ReassignmentTests(ReassignmentTests.App app) : IClassFixture<ReassignmentTests.App>
{
    /// <summary>Records what it is told, and what the stored account said at that moment.</summary>
    public sealed class RecordingListener(AccountStore accounts) : IAccountReassignmentListener
    {
        public ConcurrentQueue<(AccountReassigned Event, string? StoredOwner)> Heard { get; } = new();

        public async Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct) =>
            Heard.Enqueue((reassigned, (await accounts.FindAsync(reassigned.AccountId, ct))?.Value.OwnerUserId));
    }

    /// <summary>A listener that fails, to show it keeps neither the answer nor the other listeners from happening.</summary>
    public sealed class FailingListener : IAccountReassignmentListener
    {
        public Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct) => throw new InvalidOperationException("listener down");
    }

    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite) => ExtraServices = services =>
            {
                services.AddSingleton<IAccountReassignmentListener, FailingListener>();
                services.AddSingleton<RecordingListener>();
                services.AddSingleton<IAccountReassignmentListener>(sp => sp.GetRequiredService<RecordingListener>());
            };
    }

    public sealed record PagedList(Account[] Items, string? ContinuationToken);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RecordingListener Listener => app.Services.GetRequiredService<RecordingListener>();

    [Fact]
    public async Task A_head_of_kam_reassigns_an_account_and_the_listeners_hear_of_it_after_it_is_stored()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var head = world.As(world.Head);
        var etag = (await head.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var request = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.KamB.Id, reason = "KAM A moves to another unit" });
        var response = await head.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await app.ReadAsync<Account>(response);
        Assert.Equal(world.KamB.Id, changed.OwnerUserId);
        Assert.Equal([world.CoKam.Id], changed.CoKamUserIds);
        var heard = Assert.Single(Listener.Heard, h => h.Event.AccountId == account.Id);
        Assert.Equal(new AccountReassigned(account.Id, world.KamA.Id, world.KamB.Id, "KAM A moves to another unit", world.Head.Id, app.Clock.GetUtcNow()), heard.Event);
        Assert.Equal(world.KamB.Id, heard.StoredOwner);

        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamA).GetAsync($"/api/accounts/{account.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.As(world.KamB).GetAsync($"/api/accounts/{account.Id}", Ct)).StatusCode);
        var listedForA = await app.ReadAsync<PagedList>(await world.As(world.KamA).GetAsync("/api/accounts", Ct));
        Assert.DoesNotContain(listedForA.Items, a => a.Id == account.Id);
    }

    [Fact]
    public async Task A_kam_cannot_reassign_and_the_new_owner_must_be_an_active_kam()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var etag = (await world.As(world.KamA).GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var byKam = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.KamB.Id, reason = "I want out" });
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.KamA).SendAsync(byKam, Ct)).StatusCode);

        using var toDirector = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.Director.Id, reason = "Wrong person" });
        Assert.Equal(HttpStatusCode.BadRequest, (await world.As(world.Head).SendAsync(toDirector, Ct)).StatusCode);

        using var withoutIfMatch = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign") { Content = JsonContent.Create(new { newOwnerUserId = world.KamB.Id, reason = "No etag" }) };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await world.As(world.Head).SendAsync(withoutIfMatch, Ct)).StatusCode);
        Assert.DoesNotContain(Listener.Heard, h => h.Event.AccountId == account.Id);
    }

    [Fact]
    public async Task A_user_who_owns_or_co_owns_an_active_account_is_not_deactivated_until_it_is_reassigned()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var admin = app.AdminClient();

        var refused = await admin.PostAsync($"/api/users/{world.KamA.Id}/deactivate", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"owner of account {account.Id}", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var coOwner = await admin.PostAsync($"/api/users/{world.CoKam.Id}/deactivate", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, coOwner.StatusCode);
        Assert.Contains($"co-KAM of account {account.Id}", await coOwner.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var etag = (await admin.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;
        using var reassign = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.KamB.Id, reason = "Leaving the company" });
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(reassign, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{world.KamA.Id}/deactivate", null, Ct)).StatusCode);
    }
}
