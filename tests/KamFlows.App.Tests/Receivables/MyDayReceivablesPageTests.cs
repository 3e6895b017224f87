using System.Text.RegularExpressions;
using KamFlows.App.Tests.Pages;

namespace KamFlows.App.Tests.Receivables;

/// <summary>
/// My day's overdue receivables on the tests' still clock (Monday 2 March 2026 in São Paulo): the
/// account's overdue documents and not those still to fall due, the overdue sum in the reporting
/// currency, the credit-limit flag; nothing for a KAM outside the account's team, no section for a
/// head of KAM; gone once a full snapshot counts the document paid.
/// </summary>
public sealed partial class MyDayReceivablesPageTests(ReceivablesApp app) : IClassFixture<ReceivablesApp>
{
    [Fact]
    public async Task A_kam_sees_the_overdue_documents_of_their_accounts_with_the_sum_and_the_credit_limit_flag_until_they_are_paid()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        await s.ImportAsync("Partial",
            s.Line("NF-OLD", "13/02/2026", "500,00"),
            s.Line("NF-LATE", "20/02/2026", "1.000,00"),
            s.Line("NF-NEXT", "10/04/2026", "2.000,00"));
        (await s.SetCreditLimitAsync(s.World.Head, 500m)).EnsureSuccessStatusCode();

        var kam = new PageBrowser(app);
        await kam.SignInAsync(s.World.KamA.Email);
        var section = SectionOf(await kam.GetPageAsync("/app/my-day"));
        var account = AccountOf(section, s.Account.Id);
        Assert.Contains(s.Account.Name, account, StringComparison.Ordinal);
        Assert.Contains("data-document=\"NF-OLD\"", account, StringComparison.Ordinal);
        Assert.Contains("data-document=\"NF-LATE\"", account, StringComparison.Ordinal);
        Assert.DoesNotContain("NF-NEXT", account, StringComparison.Ordinal);
        // The oldest first; BRL at 0.2 EUR: 1,500 BRL overdue is 300 EUR, 3,500 BRL open is 700 EUR, over the limit of 500.
        Assert.True(account.IndexOf("NF-OLD", StringComparison.Ordinal) < account.IndexOf("NF-LATE", StringComparison.Ordinal));
        Assert.Contains("300,00 EUR vencidos em 2 títulos", account, StringComparison.Ordinal);
        Assert.Contains("o mais antigo vencido há 17 dias", account, StringComparison.Ordinal);
        Assert.Contains("700,00 EUR em aberto no total", account, StringComparison.Ordinal);
        Assert.Contains("Acima do limite de crédito", account, StringComparison.Ordinal);
        Assert.Contains("1.000,00 BRL", account, StringComparison.Ordinal);

        var outsider = new PageBrowser(app);
        await outsider.SignInAsync(s.World.KamB.Email);
        var theirs = SectionOf(await outsider.GetPageAsync("/app/my-day"));
        Assert.DoesNotContain(s.Account.Id, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Account.Name, theirs, StringComparison.Ordinal);

        var head = new PageBrowser(app);
        await head.SignInAsync(s.World.Head.Email);
        Assert.DoesNotContain("day-receivables", await head.GetPageAsync("/app/my-day"), StringComparison.Ordinal);

        // The next full snapshot lists only NF-NEXT: the overdue ones are paid, and the account leaves the section.
        await s.ImportAsync("Full", s.Line("NF-NEXT", "10/04/2026", "2.000,00"));
        var after = SectionOf(await kam.GetPageAsync("/app/my-day"));
        Assert.DoesNotContain(s.Account.Id, after, StringComparison.Ordinal);
    }

    private static string SectionOf(string page)
    {
        var match = SectionPattern().Match(page);
        Assert.True(match.Success, "My day has a receivables section");
        return match.Value;
    }

    /// <summary>The account's entry: from its item to the next account's item or the end of the list.</summary>
    private static string AccountOf(string section, string accountId)
    {
        var start = section.IndexOf($"data-account-id=\"{accountId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the account is in the section");
        var next = section.IndexOf("data-account-id=", start + 1, StringComparison.Ordinal);
        return next < 0 ? section[start..] : section[start..next];
    }

    [GeneratedRegex("<section aria-labelledby=\"h-receivables\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
