using System.Security.Cryptography;
using System.Text;

namespace KamFlows.App.Links;

/// <summary>
/// A link token is derived, not drawn: HMAC-SHA256(link key, effect id), so the email effect that is
/// retried after a crash sends the very same link. Only the token's SHA-256 is ever stored.
/// </summary>
public sealed class LinkTokens(LinkKey key)
{
    public async Task<string> ForEffectAsync(string effectId, CancellationToken ct) =>
        Base64Url(HMACSHA256.HashData(await key.GetAsync(ct), Encoding.UTF8.GetBytes(effectId)));

    /// <summary>What is stored and looked up: never the token itself.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Tokens are 43 URL-safe characters; anything else is not one of ours.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
