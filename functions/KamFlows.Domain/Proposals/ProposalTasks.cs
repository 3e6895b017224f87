namespace KamFlows.Domain.Proposals;

/// <summary>The tasks a proposal gives its KAM (codes the pages translate as <c>task.kind.*</c>), and their outcomes (<c>task.outcome.*</c>).</summary>
public static class ProposalTasks
{
    /// <summary>No confirmation of receipt by the next business day: call the customer.</summary>
    public const string Call = "proposal-call";

    /// <summary>The agreed call or meeting about the proposal's next steps.</summary>
    public const string Meeting = "proposal-meeting";

    public const string DeliveryCall = "proposal-delivery-call";
    public const string Feedback = "proposal-feedback";
    public const string Recommendation = "proposal-recommendation";
    public const string LossReview = "proposal-loss-review";

    /// <summary>The proposal email bounced: correct the contact's address and resend.</summary>
    public const string CorrectAddress = "proposal-correct-address";

    public const string Reached = "reached";
    public const string NoAnswer = "no-answer";
    public const string Resent = "resent";
    public const string GivenUp = "given-up";
}
