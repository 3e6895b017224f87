namespace KamFlows.Domain.ErpImports;

/// <summary>What an ERP export holds: invoice or order lines, or the open receivables.</summary>
public enum ImportKind
{
    Sales,
    Receivables,
}

/// <summary>
/// A receivables export is either every open document of the company (a full snapshot: a document it
/// no longer lists has been paid) or some of them (partial: it adds and corrects, and closes nothing).
/// </summary>
public enum SnapshotScope
{
    Full,
    Partial,
}
