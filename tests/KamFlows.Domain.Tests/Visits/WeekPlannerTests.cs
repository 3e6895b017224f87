using KamFlows.Domain.Accounts;
using KamFlows.Domain.Visits;

namespace KamFlows.Domain.Tests.Visits;

public sealed class WeekPlannerTests
{
    private static readonly IsoWeek Week37 = new(2026, 37); // Monday 7 September (Brazil's Independence Day) to Sunday 13th

    private static IReadOnlyList<DateOnly> Days(IsoWeek week, params int[] skip) =>
        [.. week.Days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !skip.Contains(d.Day))];

    private static PlannedAccount[] Accounts(AccountClass c, int n) => [.. Enumerable.Range(0, n).Select(i => new PlannedAccount($"acc{i}", c))];

    [Fact]
    public void Iso_weeks_parse_print_and_count_across_a_year_end()
    {
        Assert.True(IsoWeek.TryParse("2026-W53", out var last));
        Assert.Equal(new DateOnly(2026, 12, 28), last.Monday);
        Assert.Equal(new IsoWeek(2027, 1), last.Next);
        Assert.Equal(last.Number + 1, last.Next.Number);
        Assert.Equal("2027-W01", last.Next.ToString());
        Assert.False(IsoWeek.TryParse("2027-W53", out _));
        Assert.False(IsoWeek.TryParse("2026-37", out _));
    }

    [Fact]
    public void Weekly_accounts_spread_over_the_business_days_of_a_holiday_week_and_never_on_the_holiday()
    {
        var plan = WeekPlanner.Plan(Week37, Accounts(AccountClass.A, 6), Days(Week37, skip: 7), CadenceSettings.Default);

        Assert.Equal(6, plan.Count);
        Assert.All(plan, p => Assert.Equal(InteractionKind.Visit, p.Kind));
        Assert.DoesNotContain(plan, p => p.On == new DateOnly(2026, 9, 7));
        var perDay = plan.GroupBy(p => p.On).Select(g => g.Count()).ToList();
        Assert.Equal(4, perDay.Count); // Tuesday to Friday
        Assert.True(perDay.Max() - perDay.Min() <= 1);
    }

    [Fact]
    public void Each_cadence_plans_an_account_once_in_its_number_of_weeks_and_a_class_change_applies_from_the_next_week()
    {
        var weeks = Enumerable.Range(0, 8).Select(i => IsoWeek.Of(Week37.Monday.AddDays(7 * i))).ToList();
        int Planned(AccountClass c, IReadOnlyList<IsoWeek> span, string id) =>
            span.Count(w => WeekPlanner.Plan(w, [new PlannedAccount(id, c)], Days(w), CadenceSettings.Default).Count == 1);

        foreach (var id in new[] { "a", "b", "acc-42", "9f3c" })
        {
            Assert.Equal(8, Planned(AccountClass.A, weeks, id));
            Assert.Equal(4, Planned(AccountClass.B, weeks, id));
            Assert.Equal(2, Planned(AccountClass.C, weeks, id));
            Assert.Equal(1, Planned(AccountClass.B, weeks[2..4], id)); // any two weeks in a row: once
        }

        // C (a call every four weeks) until week 37, A from week 38: every week from then.
        var before = WeekPlanner.Plan(Week37, [new PlannedAccount("x", AccountClass.C)], Days(Week37), CadenceSettings.Default);
        Assert.All(before, p => Assert.Equal(InteractionKind.Call, p.Kind));
        Assert.Equal(4, Planned(AccountClass.A, weeks[1..5], "x"));
    }

    [Fact]
    public void An_accounts_own_cadence_wins_over_its_class_and_a_week_without_business_days_plans_nothing()
    {
        var own = new PlannedAccount("acc", AccountClass.C, new Cadence(1, InteractionKind.Visit));

        var plan = WeekPlanner.Plan(Week37, [own], Days(Week37), CadenceSettings.Default);

        Assert.Equal(InteractionKind.Visit, Assert.Single(plan).Kind);
        Assert.Empty(WeekPlanner.Plan(Week37, Accounts(AccountClass.A, 3), [], CadenceSettings.Default));
        Assert.Equal(plan, WeekPlanner.Plan(Week37, [own], Days(Week37), CadenceSettings.Default));
    }
}
