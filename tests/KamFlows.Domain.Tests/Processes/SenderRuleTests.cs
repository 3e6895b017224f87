using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tests.Processes;

public sealed class SenderRuleTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Parties = new()
    {
        ["approver"] = ["dir-1"],
        ["approver.delegates"] = ["dir-2"],
        ["customer"] = ["contact-9"],
    };

    [Fact]
    public void The_bound_approver_and_a_delegate_may_send_and_no_one_else_even_with_the_role()
    {
        var rule = SenderRule.Party("approver");

        Assert.True(rule.Allows(Sender.Person("dir-1", [Role.Director]), Parties));
        Assert.True(rule.Allows(Sender.Person("dir-2", [Role.Director]), Parties));
        Assert.False(rule.Allows(Sender.Person("dir-3", [Role.Director, Role.Admin]), Parties));
        Assert.False(rule.Allows(Sender.System, Parties));
    }

    [Fact]
    public void A_forwarded_link_is_not_a_signed_in_approver()
    {
        Assert.False(SenderRule.Party("approver").Allows(Sender.LinkHolder("dir-1"), Parties));
        Assert.True(SenderRule.LinkHolderOf("customer").Allows(Sender.LinkHolder("contact-9"), Parties));
        Assert.False(SenderRule.LinkHolderOf("customer").Allows(Sender.Person("contact-9", []), Parties));
    }

    [Fact]
    public void System_only_inputs_refuse_people_and_role_rules_refuse_the_system()
    {
        Assert.True(SenderRule.SystemOnly.Allows(Sender.System, Parties));
        Assert.False(SenderRule.SystemOnly.Allows(Sender.Person("admin", [Role.Admin]), Parties));
        Assert.False(SenderRule.Role(Role.Kam).Allows(Sender.System, Parties));
        Assert.True(SenderRule.AnyOf(SenderRule.SystemOnly, SenderRule.Role(Role.Kam)).Allows(Sender.Person("k", [Role.Kam]), Parties));
    }
}
