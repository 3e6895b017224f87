using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>An import as the API shows it: where it stands and its progress (rows read, applied, rejected).</summary>
public sealed record ImportView(
    string Id, string SourceId, ImportKind Kind, SnapshotScope? Scope, string FileName, long Bytes, string Sha256,
    ImportStatus Status, int RowsRead, int RowsApplied, int RowsRejected, bool CancelRequested, string? Format, string? Failure,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? StartedAt, DateTimeOffset? CommittedAt, DateTimeOffset? FinishedAt)
{
    public static ImportView Of(ImportRecord i) => new(
        i.Id, i.SourceId, i.Kind, i.Scope, i.FileName, i.Bytes, i.Sha256, i.Status, i.RowsRead, i.RowsApplied, i.RowsRejected,
        i.CancelRequested, i.Format, i.Failure, i.CreatedAt, i.CreatedBy, i.StartedAt, i.CommittedAt, i.FinishedAt);
}

/// <summary>The first rows of an uploaded file read with its source's mapping, before the import runs.</summary>
public sealed record ImportPreview(
    string Format, IReadOnlyList<string> Headers, IReadOnlyList<string> MappingProblems, IReadOnlyDictionary<string, DecimalMark> DecimalMarksSeen, IReadOnlyList<PreviewRow> Rows);

/// <summary>A row of the preview: its cells by header, and what the import would make of it (a line, or the reason it would be rejected).</summary>
public sealed record PreviewRow(int Row, IReadOnlyDictionary<string, string?> Cells, object? Reads, string? Rejected);
