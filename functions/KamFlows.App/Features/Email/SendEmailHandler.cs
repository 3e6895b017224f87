using KamFlows.App.Engine;
using KamFlows.Domain.Email;

namespace KamFlows.App.Features.Email;

/// <summary>Performs <see cref="SendEmail"/>, keyed by the effect id (see <see cref="Postman"/>).</summary>
internal sealed class SendEmailHandler(Postman postman) : EffectHandler<SendEmail>
{
    public override string Kind => SendEmail.KindName;

    protected override Task PerformAsync(SendEmail effect, EffectContext context, CancellationToken cancellationToken) =>
        postman.SendAsync(effect, context.EffectId, context.Instance.Id, cancellationToken);
}
