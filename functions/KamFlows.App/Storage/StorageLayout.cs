namespace KamFlows.App.Storage;

/// <summary>
/// Every table and blob container the app uses, in one place, so start-up can create them and a
/// reader can see the whole storage layout at a glance. Queue names come from the function.json
/// settings (see <c>Hosting/FunctionManifest</c>).
/// </summary>
public static class StorageLayout
{
    /// <summary>Users, roles and business units: small, read on every request, one partition each.</summary>
    public const string OrganisationTable = "organisation";

    /// <summary>The due-timer index: one row per pending wake-up, partitioned by minute bucket.</summary>
    public const string DueTimersTable = "duetimers";

    /// <summary>Process instances: one partition per instance (entity, history, processed inputs).</summary>
    public const string ProcessesTable = "processes";

    /// <summary>Lists of process instances by status, account, definition and who they wait on.</summary>
    public const string ProcessIndexTable = "processindex";

    /// <summary>Work queue messages that failed five times, kept for the operator to see and replay.</summary>
    public const string PoisonTable = "poison";

    public static IReadOnlyList<string> Tables { get; } = [OrganisationTable, DueTimersTable, ProcessesTable, ProcessIndexTable, PoisonTable];

    /// <summary>The app's own blobs: keys, clock offset in Development, state too large for a table row.</summary>
    public const string SystemContainer = "system";

    public static IReadOnlyList<string> Containers { get; } = [SystemContainer];
}
