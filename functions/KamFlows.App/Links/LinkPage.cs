using KamFlows.App.Engine;

namespace KamFlows.App.Links;

/// <summary>
/// What one kind of process shows behind its emailed links, and how it reads the form posted from
/// that page. The link mechanism (<see cref="LinkPages"/>) does everything else: token checks, sign-in
/// of the bound person, the pages for unknown, expired, revoked and used links, single use.
/// </summary>
public interface ILinkPage
{
    /// <summary>The process definition whose links this page shows.</summary>
    string Definition { get; }

    /// <summary>The page of a live link. Never changes anything: scanners open every link.</summary>
    Task<IResult> ShowAsync(LinkPageModel model, CancellationToken ct);

    /// <summary>The command the posted form asks for, or what is wrong with it.</summary>
    LinkForm Read(LinkPageModel model, IFormCollection form);
}

/// <summary>A live link, its instance, where its form posts, and the errors of a refused post to show.</summary>
public sealed record LinkPageModel(
    Link Link,
    ProcessInstance Instance,
    string PostPath,
    IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>What a posted link form turned out to be.</summary>
public abstract record LinkForm
{
    public sealed record Command(object Value) : LinkForm;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : LinkForm;
}
