using Azure;
using Azure.Data.Tables;

namespace KamFlows.App.Http;

/// <summary>
/// Reads one page of a table query. Azure may return short or even empty pages with a continuation
/// token (Azurite always fills them), so an empty page with a token is followed, never shown as the end.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static int Size(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);

    public static async Task<PagedList<TOut>> ReadPageAsync<TEntity, TOut>(
        AsyncPageable<TEntity> query, string? continuation, int pageSize, Func<TEntity, TOut> map, CancellationToken ct)
        where TEntity : notnull
    {
        var token = string.IsNullOrEmpty(continuation) ? null : continuation;
        while (true)
        {
            Page<TEntity>? page = null;
            try
            {
                await foreach (var p in query.AsPages(token, pageSize).WithCancellation(ct))
                {
                    page = p;
                    break;
                }
            }
            catch (Exception e) when (token is not null && e is RequestFailedException { Status: 400 } or FormatException or ArgumentException)
            {
                throw new BadInputException("continuationToken", "The continuation token is not one this list gave out.");
            }

            if (page is null)
            {
                return new PagedList<TOut>([], null);
            }

            if (page.Values.Count > 0 || page.ContinuationToken is null)
            {
                return new PagedList<TOut>(page.Values.Select(map).ToList(), page.ContinuationToken);
            }

            token = page.ContinuationToken;
        }
    }
}
