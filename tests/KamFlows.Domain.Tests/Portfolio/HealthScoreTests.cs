using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.Domain.Tests.Portfolio;

public sealed class HealthScoreTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);
    private static readonly HealthSettings Settings = HealthSettings.Default;

    private static AccountFacts Facts(
        IReadOnlyList<ContactFact>? contacts = null, IReadOnlyList<InteractionFact>? log = null, Dictionary<Quarter, decimal>? revenue = null) =>
        new(new DateOnly(2024, 1, 1), contacts ?? [new("ana", true, true, null)], log ?? [Visit("v1", Today.AddDays(-10), "ana")], revenue ?? []);

    private static InteractionFact Visit(string id, DateOnly on, params string[] contacts) => new(id, on, InteractionKind.Visit, contacts, false);

    private static InteractionFact Complaint(string id, DateOnly on, bool open) => new(id, on, InteractionKind.Complaint, [], open);

    [Fact]
    public void A_healthy_account_scores_100_with_no_signals()
    {
        var health = HealthScore.Evaluate(Facts(), Today, Settings);

        Assert.Equal(100, health.Score);
        Assert.Empty(health.Signals);
    }

    [Fact]
    public void A_decision_maker_who_left_recently_is_a_key_contact_change_naming_them()
    {
        var facts = Facts(contacts: [new("ana", true, true, null), new("rui", true, false, null)], log: [Visit("v1", Today.AddDays(-10), "ana", "rui")]);

        var signal = Assert.Single(HealthScore.Evaluate(facts, Today, Settings).Signals);

        Assert.Equal(RiskCause.KeyContactChange, signal.Cause);
        Assert.Equal(["rui"], signal.References);
        Assert.Contains("rui", signal.Detail, StringComparison.Ordinal);
        Assert.Equal(30, signal.Weight);
    }

    [Fact]
    public void A_decision_maker_gone_long_ago_or_an_inactive_influencer_is_no_signal()
    {
        var facts = Facts(
            contacts: [new("ana", true, true, null), new("old", true, false, Today.AddDays(-181)), new("infl", false, false, null)],
            log: [Visit("v1", Today.AddDays(-10), "ana")]);

        Assert.Empty(HealthScore.Evaluate(facts, Today, Settings).Signals);
        // 180 days after the last meeting is still within the look-back.
        Assert.NotNull(KeyContactChange.Detect(facts with { Contacts = [new("old", true, false, Today.AddDays(-180))] }, Today, Settings));
    }

    [Fact]
    public void No_meeting_for_more_than_the_neglect_days_is_neglect_and_a_complaint_is_no_meeting()
    {
        var facts = Facts(log: [Visit("v1", Today.AddDays(-61), "ana"), new("c1", Today.AddDays(-1), InteractionKind.Complaint, ["ana"], false)]);

        var signal = Assert.Single(HealthScore.Evaluate(facts, Today, Settings).Signals);

        Assert.Equal(RiskCause.Neglect, signal.Cause);
        Assert.Contains("61 days", signal.Detail, StringComparison.Ordinal);
        Assert.Null(Neglect.Detect(facts with { Interactions = [Visit("v1", Today.AddDays(-60), "ana")] }, Today, Settings));
    }

    [Fact]
    public void A_meeting_naming_nobody_of_the_group_does_not_count_but_the_date_kept_on_a_contact_does()
    {
        var withoutContacts = Facts(log: [Visit("v1", Today.AddDays(-5))]);
        var keptOnContact = Facts(contacts: [new("ana", true, true, Today.AddDays(-5))], log: []);

        Assert.NotNull(Neglect.Detect(withoutContacts, Today, Settings));
        Assert.Null(Neglect.Detect(keptOnContact, Today, Settings));
    }

    [Fact]
    public void Revenue_falling_two_complete_quarters_running_is_a_signal_the_running_quarter_is_not_compared()
    {
        var revenue = new Dictionary<Quarter, decimal>
        {
            [Quarter.Parse("2025-Q3")] = 300,
            [Quarter.Parse("2025-Q4")] = 200,
            [Quarter.Parse("2026-Q1")] = 100,
            [Quarter.Parse("2026-Q2")] = 1, // running on 15 May
        };

        var signal = Assert.Single(HealthScore.Evaluate(Facts(revenue: revenue), Today, Settings).Signals);

        Assert.Equal(RiskCause.FallingRevenue, signal.Cause);
        Assert.Equal(["2025-Q3", "2025-Q4", "2026-Q1"], signal.References);
        Assert.Null(FallingRevenue.Detect(Facts(revenue: new() { [Quarter.Parse("2025-Q3")] = 300, [Quarter.Parse("2025-Q4")] = 200, [Quarter.Parse("2026-Q1")] = 200 }), Today, Settings));
    }

    [Fact]
    public void Open_complaints_weigh_each_up_to_the_cap_closed_ones_nothing()
    {
        var two = Facts(log: [Visit("v1", Today.AddDays(-1), "ana"), Complaint("c1", Today.AddDays(-3), true), Complaint("c2", Today.AddDays(-2), true), Complaint("c3", Today.AddDays(-2), false)]);
        var five = two with { Interactions = [.. two.Interactions, Complaint("c4", Today, true), Complaint("c5", Today, true), Complaint("c6", Today, true)] };

        var signal = Assert.Single(HealthScore.Evaluate(two, Today, Settings).Signals);
        Assert.Equal(["c1", "c2"], signal.References);
        Assert.Equal(20, signal.Weight);
        Assert.Equal(80, HealthScore.Evaluate(two, Today, Settings).Score);
        Assert.Equal(30, OpenComplaints.Detect(five, Today, Settings)!.Weight);
    }

    [Fact]
    public void Causes_add_up_and_the_score_never_goes_below_zero()
    {
        var heavy = new HealthSettings(60, 180, 60, 60, 60, 10, 30);
        var facts = new AccountFacts(
            new DateOnly(2024, 1, 1),
            [new("rui", true, false, null)],
            [Complaint("c1", Today, true)],
            new Dictionary<Quarter, decimal> { [Quarter.Parse("2025-Q3")] = 3, [Quarter.Parse("2025-Q4")] = 2, [Quarter.Parse("2026-Q1")] = 1 });

        var health = HealthScore.Evaluate(facts, Today, Settings);

        Assert.Equal([RiskCause.KeyContactChange, RiskCause.Neglect, RiskCause.FallingRevenue, RiskCause.OpenComplaints], health.Signals.Select(s => s.Cause));
        Assert.Equal(100 - 30 - 25 - 25 - 10, health.Score);
        Assert.Equal(0, HealthScore.Evaluate(facts, Today, heavy).Score);
    }

    [Fact]
    public void The_quarterly_trend_scores_each_quarter_end_from_the_facts_as_they_stood()
    {
        // Known since 2025-10-01, one visit on 2026-02-10.
        var facts = new AccountFacts(new DateOnly(2025, 10, 1), [new("ana", true, true, null)], [Visit("v1", new DateOnly(2026, 2, 10), "ana")], new Dictionary<Quarter, decimal>());

        var report = HealthScore.Report(facts, Today, Settings);

        Assert.Equal(["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"], report.Quarterly.Select(h => h.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        // Not yet known in 2025-Q2 and Q3; 91 days known without a meeting at the end of 2025; 49 days after the visit on 2026-03-31.
        Assert.Equal([100, 100, 75, 100], report.Quarterly.Select(h => h.Score));
        // Today, 94 days after the visit: neglected.
        Assert.Equal(75, report.Now.Score);
    }
}
