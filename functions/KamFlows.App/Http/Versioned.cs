using Azure;

namespace KamFlows.App.Http;

/// <summary>A stored record with the ETag it was read at, for optimistic concurrency end to end.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);

/// <summary>One page of a list, and the token for the next (null on the last page).</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, string? ContinuationToken);
