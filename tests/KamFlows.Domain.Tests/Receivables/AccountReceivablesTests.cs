using KamFlows.Domain.Receivables;

namespace KamFlows.Domain.Tests.Receivables;

public sealed class AccountReceivablesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void Totals_count_every_open_document_and_overdue_only_those_due_before_today()
    {
        OpenDocument[] documents =
        [
            new("NF-1", new(2026, 2, 1), 100m, "BRL", 20m),
            new("NF-2", new(2026, 3, 9), 50m, "BRL", 10m),
            new("NF-3", Today, 500m, "BRL", 100m), // due today: not overdue yet
        ];

        var summary = AccountReceivables.Of(documents, Today, creditLimit: 125m, "EUR");

        Assert.Equal((130m, 30m, 2), (summary.TotalOpen, summary.Overdue, summary.OverdueDocuments));
        Assert.Equal(new DateOnly(2026, 2, 1), summary.OldestOverdue);
        Assert.Equal(37, summary.DaysOverdue);
        Assert.True(summary.OverCreditLimit);
    }

    [Fact]
    public void Without_a_credit_limit_there_is_no_flag_and_without_overdue_documents_no_oldest()
    {
        var summary = AccountReceivables.Of([new OpenDocument("NF-1", Today.AddDays(5), 1_000_000m, "BRL", 1_000_000m)], Today, null, "EUR");

        Assert.False(summary.OverCreditLimit);
        Assert.Null(summary.OldestOverdue);
        Assert.Null(summary.DaysOverdue);
        Assert.Equal(0m, summary.Overdue);
    }

    [Fact]
    public void A_total_equal_to_the_limit_is_within_it()
    {
        Assert.False(AccountReceivables.Of([new OpenDocument("NF-1", Today, 10m, "EUR", 10m)], Today, 10m, "EUR").OverCreditLimit);
    }

    [Theory]
    [InlineData(5, 5, true)] // the version is the full snapshot's own
    [InlineData(7, 5, true)] // a partial import after the full snapshot
    [InlineData(3, 5, false)] // seen before the last full snapshot, which left it out: paid
    [InlineData(3, 0, true)] // no full snapshot yet: nothing closes
    public void A_document_is_open_unless_a_later_full_snapshot_left_it_out(long version, long lastFull, bool open) =>
        Assert.Equal(open, ReceivableSnapshots.IsOpen(version, lastFull));
}
