using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Tests.Accounts;

public sealed class ErasedTests
{
    [Fact]
    public void The_full_name_email_phone_and_each_name_part_are_replaced()
    {
        var text = "Met Ana Souza (ana@customer.test, +55 11 3000-0000). Souza wants a discount; SOUZA's boss agrees.";

        var redacted = Erased.Redact(text, ["ana@customer.test", "+55 11 3000-0000"], "Ana Souza");

        Assert.Equal("Met [erased] ([erased], [erased]). [erased] wants a discount; [erased]'s boss agrees.", redacted);
    }

    [Fact]
    public void Parts_of_other_words_and_short_parts_stay()
    {
        var redacted = Erased.Redact("Souzanet bought from Lu and Ana", [], "Lu Ana Souza");

        Assert.Equal("Souzanet bought from Lu and [erased]", redacted);
    }

    [Fact]
    public void Text_without_the_person_is_unchanged() =>
        Assert.Equal("Price review in May", Erased.Redact("Price review in May", [null, ""], "Ana Souza"));
}
