using KamFlows.Domain.Organisation;

namespace KamFlows.Domain.Processes;

/// <summary>Who an input comes from: the system itself, a signed-in person, or the holder of an emailed link.</summary>
public sealed record Sender(SenderKind Kind, string? UserId, IReadOnlyList<Role> Roles)
{
    public static Sender System { get; } = new(SenderKind.System, null, []);

    public static Sender Person(string userId, IReadOnlyList<Role> roles) => new(SenderKind.Person, userId, roles);

    /// <summary>Someone holding a valid link token (a customer confirming receipt): known by the token, not by a sign-in.</summary>
    public static Sender LinkHolder(string recipient) => new(SenderKind.LinkHolder, recipient, []);

    public override string ToString() => Kind == SenderKind.System ? "system" : $"{Kind}:{UserId}";
}

public enum SenderKind
{
    System,
    Person,
    LinkHolder,
}
