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

    /// <summary>Key accounts: partition = account id, holding the account, its contacts, interaction log, competitor notes, document records, relationship-stage history, contracts (<c>contract|{id}</c>), planned visits (<c>visit|{week}|{kam}</c>) and the account's own visit cadence (<c>visitcadence</c>).</summary>
    public const string AccountsTable = "accounts";

    /// <summary>Who works on which account: partition per team member (and one for all), row = account id; rebuilt from the account record.</summary>
    public const string AccountIndexTable = "accountindex";

    /// <summary>Soft personal data of contacts (birthday, hobbies, family, values), apart from the business data: partition = account id, row = contact id.</summary>
    public const string PersonalDataTable = "personaldata";

    /// <summary>Who read or erased personal data and when, naming the person by id only: partition = account id.</summary>
    public const string PersonalDataAuditTable = "personaldataaudit";

    /// <summary>Every performance of an engine check's effects: partition = instance id, row = effect id + "|" + a GUID.</summary>
    public const string EngineCheckTable = "enginecheck";

    /// <summary>Tasks: partition = assignee (<c>user|{id}</c>, open tasks keyed by due instant), and a location row per task (<c>task|{id}</c>).</summary>
    public const string TasksTable = "tasks";

    /// <summary>Email: a sent-marker per email (partition <c>sent|{hash of its key}</c>), and in Development the mailbox (partition <c>mailbox</c>).</summary>
    public const string EmailsTable = "emails";

    /// <summary>Per user (partition = user id): the notification preference and the reminders waiting for the digest.</summary>
    public const string NotificationsTable = "notifications";
    /// <summary>Account plans: partition = account id; rows <c>draft</c>, <c>head</c>, <c>tasks</c> and <c>v|{number}</c> per frozen version.</summary>
    public const string PlansTable = "plans";

    /// <summary>
    /// Task requests of account plans and stage playbooks, waiting to become tasks (the tasks feature
    /// turns them into tasks): partition = account id, row = the request's idempotency key.
    /// </summary>
    public const string PlanTasksTable = "plantasks";

    /// <summary>
    /// Net revenue per customer, business unit and quarter, what Pareto and the risk signals read
    /// (filled by the ERP import; by hand through PUT /api/admin/revenue until then): partition =
    /// quarter ("2026-Q1"), row = "{accountId}|{businessUnit}"; NetValue (decimal as invariant text), Currency.
    /// </summary>
    public const string RevenueTable = "revenue";

    /// <summary>Portfolio settings made by hand: partition <c>override</c>, one row per manual class override ("{accountId}|{quarter}").</summary>
    public const string PortfolioTable = "portfolio";

    /// <summary>Directors' delegations of their approvals: partition = the director's user id, one row (<c>current</c>).</summary>
    public const string DelegationsTable = "delegations";

    /// <summary>Private calendar feeds: partition = user id, one row (<c>feed</c>) with the SHA-256 hash of the feed address's secret.</summary>
    public const string CalendarFeedsTable = "calendarfeeds";

    /// <summary>The quarter's reviews: partition = the quarter ("2026-Q2"), one row per account with its review's instance id.</summary>
    public const string ReviewsTable = "reviews";

    /// <summary>Tenders as registered: partition <c>tender</c>, row = the tender id (from who registered it and their Idempotency-Key); where each stands is its process's state.</summary>
    public const string TendersTable = "tenders";

    /// <summary>Commercial proposals as submitted (title, covering message, the submission's hash): partition = account id, row = proposal id (its process instance's).</summary>
    public const string ProposalsTable = "proposals";

    /// <summary>ERP imports: partition <c>source</c> (column mappings), <c>import</c> (a row per import: status, counters, the switch), <c>rejects|{importId}</c>, <c>touched|{importId}</c>.</summary>
    public const string ImportsTable = "imports";

    /// <summary>
    /// Imported sales lines: partition = account id (or customer reference), row =
    /// "{quarter}|{hash of the natural key}|{importId}". A row counts only once its import is committed,
    /// and of two committed rows of one line the later import's.
    /// </summary>
    public const string SalesLinesTable = "saleslines";

    /// <summary>Sales history per account and quarter (by product line, business unit, currency), rebuilt from the lines that count: partition = account id, row = quarter.</summary>
    public const string SalesHistoryTable = "saleshistory";

    /// <summary>
    /// Imported open receivables: partition = account id (or customer reference), row =
    /// "{hash of source and document}|{importId}"; counted like sales lines (the later switch's version).
    /// </summary>
    public const string ReceivableLinesTable = "receivablelines";

    /// <summary>
    /// The open receivables of key accounts as the imports leave them, each with its follow-up process:
    /// partition = account id, rows <c>doc|{hash of source and document}</c>, and <c>credit-limit</c>.
    /// </summary>
    public const string ReceivablesTable = "receivables";

    public static IReadOnlyList<string> Tables { get; } =
    [
        OrganisationTable, DueTimersTable, ProcessesTable, ProcessIndexTable, PoisonTable,
        AccountsTable, AccountIndexTable, PersonalDataTable, PersonalDataAuditTable, EngineCheckTable,
        TasksTable, EmailsTable, NotificationsTable, DelegationsTable,
        PlansTable, PlanTasksTable, RevenueTable, PortfolioTable,
        CalendarFeedsTable, TendersTable,
        ProposalsTable,
        ImportsTable, SalesLinesTable, SalesHistoryTable, ReviewsTable,
        ReceivableLinesTable, ReceivablesTable,
    ];

    /// <summary>The app's own blobs: keys, clock offset in Development, state too large for a table row.</summary>
    public const string SystemContainer = "system";

    /// <summary>Dossier documents, one blob per document: <c>{accountId}/{documentId}</c>.</summary>
    public const string DossierContainer = "dossiers";

    /// <summary>
    /// ASP.NET Data Protection keys, one blob per key (<c>keys/{friendlyName}.xml</c>), shared by every
    /// instance so a page cookie or antiforgery token from one is accepted by another and after a restart.
    /// A container of its own, so access to it can be granted and audited apart from documents.
    /// </summary>
    public const string DataProtectionContainer = "dataprotection";


    /// <summary>The development mailbox's message bodies (<c>{id}.json</c>); empty where SendGrid sends.</summary>
    public const string MailboxContainer = "mailbox";


    /// <summary>Uploaded ERP files, one blob per import (<c>{importId}</c>), streamed in before the import reads them.</summary>
    public const string ImportsContainer = "imports";

    public static IReadOnlyList<string> Containers { get; } = [SystemContainer, DossierContainer, DataProtectionContainer, MailboxContainer, ImportsContainer];
}
