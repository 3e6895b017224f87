using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Visits;
using KamFlows.App.Tests.Visits;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// My day's visits and calls: the KAM's week as <c>GET /api/me/week</c> gives it (this week on the app's
/// clock: 2 to 8 March 2026, São Paulo), each planned, moved, done or missed, at its time on the KAM's
/// clock; a KAM's own only, and only KAMs have the section.
/// </summary>
public sealed partial class MyDayVisitsPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public async Task A_kam_sees_this_weeks_visits_and_calls_planned_moved_done_and_missed_on_their_clock_and_no_one_else_does()
    {
        var world = await PageWorld.CreateAsync(app);
        var second = await PageWorld.AccountAsync(app, world.Unit, world.KamA, "Hospital Gama");
        var called = await PageWorld.AccountAsync(app, world.Unit, world.KamA, "Clínica Delta");
        foreach (var account in new[] { world.AccountA, second, called })
        {
            await VisitWorld.ClassifyAsync(app, account, AccountClass.A); // weekly
        }

        var api = app.ClientFor(world.KamA.Email);
        (await api.PutAsJsonAsync($"/api/accounts/{called.Id}/visit-cadence", new { everyWeeks = 1, kind = "Call" }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/me/week/plan", null, Ct)).EnsureSuccessStatusCode();
        var planned = (await app.ReadAsync<MyWeek>(await api.GetAsync("/api/me/week", Ct))).Days.SelectMany(d => d.Visits).OrderBy(v => v.Visit.PlannedOn).ToList();
        // Three weekly accounts go to the first three business days, one a day.
        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2)], planned.Select(v => v.Visit.PlannedOn));
        var (missed, moved, done) = (planned[0].Visit, planned[1].Visit, planned[2].Visit);

        (await api.PostAsJsonAsync($"/api/visits/{moved.TaskId}/move", new { on = "2026-03-06" }, Ct)).EnsureSuccessStatusCode(); // to Friday
        var week = await app.ReadAsync<MyWeek>(await api.GetAsync("/api/me/week", Ct));
        Assert.Equal(VisitStanding.Moved, Assert.Single(week.Days.SelectMany(d => d.Visits), v => v.Visit.TaskId == moved.TaskId).Standing); // the API says so too
        var kam = new PageBrowser(app);
        await kam.SignInAsync(world.KamA.Email);
        var before = SectionOf(await kam.GetPageAsync("/app/my-day"));
        Assert.Equal(3, Regex.Count(before, "<form method=\"post\""));
        var marked = await kam.PostFormAsync(TaskPages.CompletePath(done.TaskId), [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(before)), new("outcome", "done")]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero)); // Tuesday: Monday's visit, never done, is missed
        await kam.SignInAsync(world.KamA.Email); // a day on, yesterday's sign-in has expired
        var section = SectionOf(await kam.GetPageAsync("/app/my-day"));
        Assert.Equal([missed.TaskId, done.TaskId, moved.TaskId], ItemPattern().Matches(section).Select(m => m.Groups["task"].Value));
        Assert.Equal(["missed", "done", "moved"], ItemPattern().Matches(section).Select(m => m.Groups["standing"].Value));
        Assert.Equal(1, Regex.Count(section, "<li class=\"late\""));
        // The KAM reads pt-BR, in São Paulo: a visit's task is due at 09:00 there, 12:00 UTC.
        Assert.Contains("Não realizada", section, StringComparison.Ordinal);
        Assert.Contains("Remarcada", section, StringComparison.Ordinal);
        Assert.Contains("planejada primeiro para terça-feira, 3 de março de 2026", section, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-06\">sexta-feira, 6 de março de 2026</time>", section, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-06T12:00:00Z\">09:00</time>", section, StringComparison.Ordinal);
        Assert.Contains($"Ligar para a conta · {called.Name}", section, StringComparison.Ordinal);
        foreach (var account in new[] { world.AccountA, second })
        {
            Assert.Contains($"Visitar a conta · {account.Name}", section, StringComparison.Ordinal);
        }

        // Done leaves no form; the open ones keep theirs, the missed one too.
        Assert.Equal(2, Regex.Count(section, "<form method=\"post\""));
        Assert.DoesNotContain(TaskPages.CompletePath(done.TaskId), section, StringComparison.Ordinal);

        var other = new PageBrowser(app);
        await other.SignInAsync(world.KamB.Email);
        var theirs = SectionOf(await other.GetPageAsync("/app/my-day")); // a KAM always has the section, empty here
        Assert.Contains("Você não tem visitas nem ligações planejadas para esta semana.", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(world.AccountA.Name, theirs, StringComparison.Ordinal);

        var head = new PageBrowser(app);
        await head.SignInAsync(world.Head.Email);
        Assert.DoesNotContain("day-visits", await head.GetPageAsync("/app/my-day"), StringComparison.Ordinal);
    }

    private static string SectionOf(string page)
    {
        var match = SectionPattern().Match(page);
        Assert.True(match.Success, "My day has a visits section");
        return match.Value;
    }

    [GeneratedRegex("<section aria-labelledby=\"h-visits\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex("data-visit-task-id=\"(?<task>[0-9a-f]+)\" data-visit-standing=\"(?<standing>[a-z]+)\"")]
    private static partial Regex ItemPattern();
}
