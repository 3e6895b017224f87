using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Emails that are administrators even without a user record: how the first administrator gets in
    /// to create the users, including themself.
    /// </summary>
    public List<string> BootstrapAdmins { get; set; } = [];
}

internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var wrong = options.BootstrapAdmins.Where(e => !MailAddress.TryCreate(e, out _)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Security:BootstrapAdmins has entries that are not emails (entries {string.Join(", ", wrong.Select(w => options.BootstrapAdmins.IndexOf(w)))}).");
    }
}
