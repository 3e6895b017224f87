using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using static KamFlows.Domain.Accounts.AccountClass;

namespace KamFlows.Domain.Tests.Portfolio;

public sealed class ClassHysteresisTests
{
    private static AccountClass[] Classes(AccountClass[] raw, AccountClass?[]? overrides = null) =>
        [.. ClassHysteresis.Apply(raw, overrides ?? new AccountClass?[raw.Length]).Select(s => s.Class)];

    [Fact]
    public void One_quarter_across_a_boundary_changes_nothing() =>
        Assert.Equal([A, A, A, A], Classes([A, B, A, A]));

    [Fact]
    public void Two_consecutive_quarters_across_change_the_class_in_the_second() =>
        Assert.Equal([A, A, B, B, B], Classes([A, B, B, A, B]));

    [Fact]
    public void Crossing_back_also_takes_two_quarters() =>
        Assert.Equal([A, A, B, B, B, B, A], Classes([A, B, B, A, B, A, A]));

    [Fact]
    public void Alternating_quarters_never_change_the_class() =>
        Assert.Equal([B, B, B, B, B, B], Classes([B, A, B, C, B, A]));

    [Fact]
    public void Two_quarters_on_different_sides_of_the_class_change_nothing() =>
        Assert.Equal([B, B, B, B], Classes([B, A, C, B]));

    [Fact]
    public void Across_two_boundaries_it_moves_one_class_at_a_time()
    {
        // A, then B and C: below A twice → B (the nearer); then C twice more below B → C.
        Assert.Equal([A, A, B, C], Classes([A, B, C, C]));
        // Both quarters beyond both boundaries: straight to C.
        Assert.Equal([A, A, C], Classes([A, C, C]));
    }

    [Fact]
    public void The_first_quarter_takes_the_class_its_revenue_gives()
    {
        var steps = ClassHysteresis.Apply([C, C], new AccountClass?[2]);

        Assert.Equal(new ClassStep(C, ClassChange.Initial), steps[0]);
        Assert.Equal(new ClassStep(C, ClassChange.None), steps[1]);
    }

    [Fact]
    public void An_override_sets_the_class_and_only_later_quarters_count_against_it()
    {
        // Revenue says C all along; overridden to A in quarter 1. Quarters 2 and 3 are the evidence: back to C in 3.
        var steps = ClassHysteresis.Apply([C, C, C, C, C], [null, A, null, null, null]);

        Assert.Equal([C, A, A, C, C], steps.Select(s => s.Class));
        Assert.Equal(ClassChange.Override, steps[1].Change);
        Assert.Equal(ClassChange.None, steps[2].Change);
        Assert.Equal(ClassChange.Crossed, steps[3].Change);
    }

    [Fact]
    public void An_override_in_line_with_the_revenue_holds()
    {
        Assert.Equal([C, A, A, A], Classes([C, A, A, A], [null, A, null, null]));
    }
}
