namespace KamFlows.Domain.Receivables;

/// <summary>
/// Whether a document is still open after the imports so far. Of each document the version of the
/// last switch counts (<see cref="ErpImports.CountingVersions"/>); it is open unless a full snapshot of
/// its source switched after it: a full snapshot lists every open document, so one it leaves out has
/// been paid. A partial import adds and corrects documents and never closes one.
/// </summary>
public static class ReceivableSnapshots
{
    /// <param name="versionSequence">The switch sequence of the import whose version of the document counts.</param>
    /// <param name="lastFullSnapshot">The switch sequence of its source's latest full snapshot; 0 when there was none.</param>
    public static bool IsOpen(long versionSequence, long lastFullSnapshot) => versionSequence >= lastFullSnapshot;
}
