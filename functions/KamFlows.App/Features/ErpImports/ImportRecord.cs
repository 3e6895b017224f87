using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// Where an import stands. Uploaded: the file is in Blob Storage. Running: rows are being read and
/// staged under the import id (invisible). Committed: the one switch is made, its lines count;
/// the sales history and revenue (or the receivables' follow-ups) are being brought up to date.
/// Applied: done. Cancelled and Failed end an import whose rows never counted.
/// </summary>
public enum ImportStatus
{
    Uploaded,
    Running,
    Committed,
    Applied,
    Cancelled,
    Failed,
}

/// <summary>One file's import: what it is, where it stands and how many rows it has read, applied and rejected.</summary>
/// <param name="Checkpoint">The last file row whose staging is stored: a resumed run writes only rows after it.</param>
/// <param name="CommitSequence">Orders the switches: of two committed imports naming the same line, the higher one's counts.</param>
public sealed record ImportRecord(
    string Id,
    string SourceId,
    ImportKind Kind,
    SnapshotScope? Scope,
    string FileName,
    long Bytes,
    string Sha256,
    ImportStatus Status,
    int RowsRead,
    int RowsApplied,
    int RowsRejected,
    int Checkpoint,
    bool CancelRequested,
    long? CommitSequence,
    DateTimeOffset? LeaseUntil,
    string? Format,
    string? Failure,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CommittedAt,
    DateTimeOffset? FinishedAt)
{
    public bool Counts => Status is ImportStatus.Committed or ImportStatus.Applied;

    /// <summary>Ended without switching: none of its rows ever counts.</summary>
    public bool Discarded => Status is ImportStatus.Cancelled or ImportStatus.Failed;

    public bool Ended => Status is ImportStatus.Applied or ImportStatus.Cancelled or ImportStatus.Failed;
}
