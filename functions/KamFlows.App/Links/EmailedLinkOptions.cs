using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Links;

/// <summary>Emailed links: the key their tokens are derived from, and how long they live.</summary>
public sealed class EmailedLinkOptions
{
    public const string Section = "Links";

    /// <summary>
    /// Base64 of at least 32 random bytes (Key Vault secret <c>LinkKey</c> in Azure). Empty in
    /// Development only: a key is then made once and kept in Azurite, so links survive a restart.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>How long a link works after it was sent.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Fresh links one expired or revoked link may ask for in an hour.</summary>
    [Range(1, 20)]
    public int FreshLinksPerHour { get; set; } = 3;
}
